using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Client;

namespace Bitrise.CodeSigning.Tests.EndToEnd;

/// <summary>Many uploads at once through the library and the emulator.</summary>
public sealed class ParallelUploadTests
{
    private const int UploadCount = 50;

    /// <summary>The time after which the test fails instead of waiting for uploads or downloads that hang.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task FiftyUploads_InParallel_KeepEveryFile()
    {
        var token = TestContext.Current.CancellationToken;
        await using var harness = await EmulatorHarness.StartAsync();
        var kinds = Enum.GetValues<CodeSigningFileKind>();

        // Each file has its own kind, name and size, so a mix-up shows in the bytes and the lists.
        var files = Enumerable.Range(0, UploadCount)
            .Select(index => (Kind: kinds[index % kinds.Length], Name: $"file-{index:00}.bin", Bytes: RandomNumberGenerator.GetBytes(1_000 + (index * 997))))
            .ToArray();

        var slugs = await Task.WhenAll(files.Select(file => UploadCases.All[file.Kind].Upload(
            harness.Files, EmulatorHarness.App, UploadSource.FromStream(new MemoryStream(file.Bytes), file.Bytes.Length, file.Name), token))).WaitAsync(HangLimit, token);
        var downloads = await Task.WhenAll(files.Zip(slugs).Select(async pair =>
        {
            var destination = new MemoryStream();
            await harness.Files.DownloadAsync(pair.First.Kind, EmulatorHarness.App, pair.Second!, destination, token);
            return destination.ToArray();
        })).WaitAsync(HangLimit, token);

        Assert.Equal(UploadCount, slugs.Distinct().Count());
        foreach (var kind in kinds)
        {
            var uploaded = files.Zip(slugs).Where(pair => pair.First.Kind == kind).Select(pair => pair.Second).Order(StringComparer.Ordinal);
            var listed = await UploadCases.All[kind].ListSlugs(harness.Files, EmulatorHarness.App, token).ToListAsync(token);
            Assert.Equal(uploaded, listed.Order(StringComparer.Ordinal));
        }

        for (var index = 0; index < UploadCount; index++)
        {
            Assert.True(files[index].Bytes.AsSpan().SequenceEqual(downloads[index]), $"The download of {files[index].Name} ({files[index].Kind}) differs from its upload.");
        }
    }
}
