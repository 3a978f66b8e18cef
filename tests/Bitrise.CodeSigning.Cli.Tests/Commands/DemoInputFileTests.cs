using System;
using System.IO;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Cli.Demo;
using Bitrise.CodeSigning.Cli.FileKindDetection;
using Mono.Unix.Native;

namespace Bitrise.CodeSigning.Cli.Tests.Commands;

/// <summary>
/// <c>demo --files</c> with paths that are no regular file or are large: each is rejected before any request with a
/// message that names it, or streams through every step.
/// </summary>
public sealed class DemoInputFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cli-input-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathIn(string fileName) => Path.Combine(_folder.FullName, fileName);

    private static void AssertRejected(CliRun run, string expectedMessage)
    {
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(expectedMessage, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Fifo_IsRejectedWithoutBlocking()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "FIFOs in the file system exist on Unix only.");
        var path = PathIn("fifo.json");
        Assert.Equal(0, Syscall.mkfifo(path, FilePermissions.S_IRUSR | FilePermissions.S_IWUSR));

        // Opening a FIFO blocks until a writer opens it, so the run gets a deadline of its own.
        var run = await Task.Run(() => CliRun.RunAsync("demo", "--files", path), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        AssertRejected(run, $"error: '{path}' is a FIFO (named pipe), not a regular file. Pass the path of a regular file to --files.");
    }

    [Fact]
    public async Task CharacterDevice_IsRejected()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "This system has no /dev/zero.");

        var run = await CliRun.RunAsync("demo", "--files", "/dev/zero");

        AssertRejected(run, "error: '/dev/zero' is a character device, not a regular file.");
    }

    [Fact]
    public async Task LinkToDevice_NamesTarget()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "This system has no /dev/zero.");
        var path = PathIn("google-services.json");
        File.CreateSymbolicLink(path, "/dev/zero");

        var run = await CliRun.RunAsync("demo", "--files", path);

        AssertRejected(run, $"error: '{path}' (a symbolic link to '/dev/zero') is a character device, not a regular file.");
    }

    [Fact]
    public async Task Socket_IsRejected()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix domain sockets in the file system are checked on Unix only.");
        var path = PathIn("listener.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var run = await CliRun.RunAsync("demo", "--files", path);

        AssertRejected(run, $"error: '{path}' is a socket, not a regular file.");
    }

    [Fact]
    public async Task LinkToRegularFile_Passes()
    {
        var target = PathIn("settings.json");
        await File.WriteAllTextAsync(target, "{\"setting\": true}\n", TestContext.Current.CancellationToken);
        var link = PathIn("google-services.json");
        File.CreateSymbolicLink(link, target);

        var run = await CliRun.RunAsync("demo", "--files", link);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Summary: 7 steps, 7 passed, 0 failed, 0 skipped.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileOverUploadLimit_NamesLimit()
    {
        // A sparse file: the length is set without writing 2 GiB.
        var path = PathIn("huge.bin");
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            file.SetLength(2L * 1024 * 1024 * 1024);
        }

        var run = await CliRun.RunAsync("demo", "--files", path);

        AssertRejected(run, $"error: '{path}' is 2147483648 bytes, larger than the emulator's maximum upload size of 1073741824 bytes.");
        Assert.DoesNotContain("cannot be read", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Distribution.p12", null, "has the extension .p12, but it is larger than 16 MiB")]
    [InlineData("release.bin", "android-keystore", "is given as --kind android-keystore, but it is larger than 16 MiB")]
    public async Task SigningFileOver16MiB_IsRejected(string fileName, string? kind, string expectedMessage)
    {
        var path = PathIn(fileName);
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            file.SetLength(FileContentSniffer.MaxInspectedBytes + 1);
        }

        var run = kind is null
            ? await CliRun.RunAsync("demo", "--files", path)
            : await CliRun.RunAsync("demo", "--files", path, "--kind", kind, "--keystore-password", "changeit");

        AssertRejected(run, $"error: '{path}' {expectedMessage}");
        Assert.Contains("--kind generic-project-file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File64MiB_PassesAsGeneric()
    {
        var path = PathIn("assets.bin");
        var block = new byte[1024 * 1024];
        await using (var file = new FileStream(path, FileMode.CreateNew))
        {
            for (var i = 0; i < 64; i++)
            {
                RandomNumberGenerator.Fill(block);
                await file.WriteAsync(block, TestContext.Current.CancellationToken);
            }
        }

        var run = await CliRun.RunAsync("demo", "--files", path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var step in DemoRunner.StepNames(CodeSigningFileKind.GenericProjectFile))
        {
            Assert.Matches(new Regex($"^generic-project-file +{step} +passed ", RegexOptions.Multiline), run.Output);
        }

        Assert.Contains("Summary: 7 steps, 7 passed, 0 failed, 0 skipped.", run.Output, StringComparison.Ordinal);
    }
}
