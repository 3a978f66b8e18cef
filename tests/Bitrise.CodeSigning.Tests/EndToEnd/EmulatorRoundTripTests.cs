using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Testing;
using Bitrise.CodeSigning.Tests.Client;

namespace Bitrise.CodeSigning.Tests.EndToEnd;

/// <summary>The library against the emulator: upload, list, show, download and delete of real and generated files.</summary>
public sealed class EmulatorRoundTripTests
{
    private const string KeystoreFixture = "codemagic-keytool-rfc-cert-keystore.p12";
    private const string EmptyProfileFixture = "INVALID-fastlane-gym-empty-dummy.mobileprovision";

    [Theory]
    [MemberData(nameof(UploadCases.Kinds), MemberType = typeof(UploadCases))]
    public async Task RoundTrip_EachKind(CodeSigningFileKind kind)
    {
        var upload = UploadCases.All[kind];
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var token = TestContext.Current.CancellationToken;
        await using var harness = await EmulatorHarness.StartAsync();

        var slug = await upload.Upload(harness.Files, EmulatorHarness.App, UploadSource.FromStream(new MemoryStream(bytes), bytes.Length, "file.bin"), token);
        var listed = await upload.ListSlugs(harness.Files, EmulatorHarness.App, token).ToListAsync(token);
        using var downloaded = new MemoryStream();
        var length = await harness.Files.DownloadAsync(kind, EmulatorHarness.App, slug!, downloaded, token);
        await harness.Files.DeleteAsync(kind, EmulatorHarness.App, slug!, token);
        var listedAfterDelete = await upload.ListSlugs(harness.Files, EmulatorHarness.App, token).ToListAsync(token);
        var downloadAfterDelete = await Assert.ThrowsAsync<CodeSigningApiException>(
            () => harness.Files.DownloadAsync(kind, EmulatorHarness.App, slug!, new MemoryStream(), token));

        Assert.NotNull(slug);
        Assert.Equal([slug], listed);
        Assert.Equal(bytes.Length, length);
        Assert.Equal(bytes, downloaded.ToArray());
        Assert.Empty(listedAfterDelete);
        Assert.Equal(HttpStatusCode.NotFound, downloadAfterDelete.StatusCode);
    }

    [Fact]
    public async Task Show_ReportsUploadedFile()
    {
        var bytes = RandomNumberGenerator.GetBytes(4_000);
        var token = TestContext.Current.CancellationToken;
        await using var harness = await EmulatorHarness.StartAsync();

        var confirmed = await harness.Files.UploadBuildCertificateAsync(EmulatorHarness.App, UploadSource.FromStream(new MemoryStream(bytes), bytes.Length, "cert.p12"), cancellationToken: token);
        var shownItem = (await harness.Files.Api.BuildCertificateShowAsync(EmulatorHarness.App, confirmed.Slug!, token)).Data!;

        Assert.Equal("cert.p12", shownItem.UploadFileName);
        Assert.Equal(bytes.Length, shownItem.UploadFileSize);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), shownItem.FileSha256);
        Assert.False(string.IsNullOrEmpty(shownItem.DownloadUrl));
    }

    [Fact]
    public async Task Fixtures_RoundTrip()
    {
        var folder = RepositoryPaths.RequireShared("fixtures/signing");
        var token = TestContext.Current.CancellationToken;
        await using var harness = await EmulatorHarness.StartAsync();
        var checkedFiles = new List<string>();

        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name == EmptyProfileFixture)
            {
                continue;
            }

            foreach (var kind in KindsOf(name))
            {
                var slug = await UploadCases.All[kind].Upload(harness.Files, EmulatorHarness.App, UploadSource.FromFile(path), token);
                using var downloaded = new MemoryStream();
                await harness.Files.DownloadAsync(kind, EmulatorHarness.App, slug!, downloaded, token);

                Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(downloaded.ToArray()), $"The {kind} '{name}' came back with other bytes.");
                checkedFiles.Add($"{kind}:{name}");
            }
        }

        Assert.Contains($"{CodeSigningFileKind.AndroidKeystoreFile}:{KeystoreFixture}", checkedFiles);
        Assert.Contains($"{CodeSigningFileKind.BuildCertificate}:{KeystoreFixture}", checkedFiles);
        Assert.Contains(checkedFiles, file => file.StartsWith($"{CodeSigningFileKind.ProvisioningProfile}:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyProfile_IsRejectedBeforeCreate()
    {
        var path = Path.Combine(RepositoryPaths.RequireShared("fixtures/signing"), "mobileprovision", EmptyProfileFixture);
        var token = TestContext.Current.CancellationToken;
        await using var harness = await EmulatorHarness.StartAsync();

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => harness.Files.UploadProvisioningProfileAsync(EmulatorHarness.App, UploadSource.FromFile(path), token));
        var listed = await harness.Files.ListProvisioningProfilesAsync(EmulatorHarness.App, cancellationToken: token).ToListAsync(token);

        Assert.Contains($"'{EmptyProfileFixture}' is empty", exception.Message, StringComparison.Ordinal);
        Assert.Empty(listed);
    }

    [Fact]
    public async Task EmptyGenericFile_RoundTrips()
    {
        var token = TestContext.Current.CancellationToken;
        await using var harness = await EmulatorHarness.StartAsync();

        var confirmed = await harness.Files.UploadGenericProjectFileAsync(EmulatorHarness.App, "EMPTY_URL", UploadSource.FromStream(new MemoryStream(), 0, "empty.txt"), token);
        using var downloaded = new MemoryStream();
        var length = await harness.Files.DownloadAsync(CodeSigningFileKind.GenericProjectFile, EmulatorHarness.App, confirmed.Slug!, downloaded, token);

        Assert.Equal(0, confirmed.UploadFileSize);
        Assert.Equal(0, length);
    }

    [Fact]
    public async Task LargeFile_StreamsBothWays()
    {
        const int Size = 32 * 1024 * 1024;
        var token = TestContext.Current.CancellationToken;
        var source = Path.GetTempFileName();
        var target = Path.GetTempFileName();
        try
        {
            byte[] expectedSha256;
            await using (var file = File.Create(source))
            {
                var chunk = new byte[1024 * 1024];
                for (var written = 0; written < Size; written += chunk.Length)
                {
                    RandomNumberGenerator.Fill(chunk);
                    await file.WriteAsync(chunk, token);
                }
            }

            await using (var file = File.OpenRead(source))
            {
                expectedSha256 = await SHA256.HashDataAsync(file, token);
            }

            await using var harness = await EmulatorHarness.StartAsync();
            var confirmed = await harness.Files.UploadBuildCertificateAsync(EmulatorHarness.App, UploadSource.FromFile(source), cancellationToken: token);
            long length;
            await using (var destination = File.Create(target))
            {
                length = await harness.Files.DownloadAsync(CodeSigningFileKind.BuildCertificate, EmulatorHarness.App, confirmed.Slug!, destination, token);
            }

            byte[] actualSha256;
            await using (var file = File.OpenRead(target))
            {
                actualSha256 = await SHA256.HashDataAsync(file, token);
            }

            Assert.Equal(Size, confirmed.UploadFileSize);
            Assert.Equal(Size, length);
            Assert.Equal(expectedSha256, actualSha256);
        }
        finally
        {
            File.Delete(source);
            File.Delete(target);
        }
    }

    /// <summary>Returns the kinds a fixture is uploaded as: profiles by extension, every .p12 as a certificate, and the keystore also as a keystore.</summary>
    private static IEnumerable<CodeSigningFileKind> KindsOf(string fileName)
    {
        if (fileName.EndsWith(".mobileprovision", StringComparison.Ordinal))
        {
            yield return CodeSigningFileKind.ProvisioningProfile;
        }

        if (fileName.EndsWith(".p12", StringComparison.Ordinal))
        {
            yield return CodeSigningFileKind.BuildCertificate;
        }

        if (fileName == KeystoreFixture)
        {
            yield return CodeSigningFileKind.AndroidKeystoreFile;
        }
    }
}
