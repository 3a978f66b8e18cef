using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Client;
using Bitrise.CodeSigning.Tests.Support;

namespace Bitrise.CodeSigning.Tests.EndToEnd;

/// <summary>The PATCH rules, protected files and the certificate password, through the library against the emulator.</summary>
public sealed class PatchRulesEndToEndTests
{
    private const string App = EmulatorHarness.App;

    [Theory]
    [MemberData(nameof(UpdateCases.Kinds), MemberType = typeof(UpdateCases))]
    public async Task ProtectedFile_HasNoDownloadUrl(CodeSigningFileKind kind)
    {
        var token = TestContext.Current.CancellationToken;
        await using var harness = await EmulatorHarness.StartAsync();
        var slug = await UploadAsync(harness, kind, token);

        await UpdateCases.All[kind].Update(harness.Files, App, slug, new Flags(true, null, null), null, token);
        var downloadUrl = await ShowDownloadUrlAsync(harness.Files.Api, kind, slug, token);
        var exception = await Assert.ThrowsAsync<CodeSigningStorageException>(
            () => harness.Files.DownloadAsync(kind, App, slug, new MemoryStream(), token));

        Assert.Null(downloadUrl);
        Assert.Equal(CodeSigningStorageFailure.NoDownloadUrl, exception.Failure);
        Assert.Contains("because it is protected", exception.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be downloaded through the API", exception.Message, StringComparison.Ordinal);
        Assert.Contains("upload the file again", exception.Message, StringComparison.Ordinal);
        SecretScan.AssertClean(exception);
    }

    // The emulator creates files with is_expose true, so the change below requests false.
    [Theory]
    [MemberData(nameof(UpdateCases.Kinds), MemberType = typeof(UpdateCases))]
    public async Task Unprotect_RejectedBeforeSending(CodeSigningFileKind kind)
    {
        var token = TestContext.Current.CancellationToken;
        await using var harness = await EmulatorHarness.StartAsync();
        var slug = await UploadAsync(harness, kind, token);
        var update = UpdateCases.All[kind];
        await update.Update(harness.Files, App, slug, new Flags(true, null, null), null, token);

        var exception = await Assert.ThrowsAsync<CodeSigningConstraintException>(
            () => update.Update(harness.Files, App, slug, new Flags(false, false, null), null, token));

        Assert.False(exception.RejectedByService);
        Assert.Equal(
            [new CodeSigningConstraintViolation("is_protected", true, false), new CodeSigningConstraintViolation("is_expose", true, false)],
            exception.Violations);
        Assert.Null(await ShowDownloadUrlAsync(harness.Files.Api, kind, slug, token));
        SecretScan.AssertClean(exception);
    }

    [Theory]
    [MemberData(nameof(UpdateCases.Kinds), MemberType = typeof(UpdateCases))]
    public async Task StaleState_EmulatorRejectionMapsToConstraint(CodeSigningFileKind kind)
    {
        var token = TestContext.Current.CancellationToken;
        await using var harness = await EmulatorHarness.StartAsync();
        var slug = await UploadAsync(harness, kind, token);
        var update = UpdateCases.All[kind];
        await update.Update(harness.Files, App, slug, new Flags(true, null, null), null, token);
        var staleState = new Flags(false, false, true);

        var exception = await Assert.ThrowsAsync<CodeSigningConstraintException>(
            () => update.Update(harness.Files, App, slug, new Flags(false, null, null), staleState, token));

        Assert.True(exception.RejectedByService);
        Assert.Equal([new CodeSigningConstraintViolation("is_protected", true, false)], exception.Violations);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("is_protected cannot be changed once it is true.", exception.ServiceMessage);
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task DirectApiCall_EmulatorRejectsRule()
    {
        var token = TestContext.Current.CancellationToken;
        await using var harness = await EmulatorHarness.StartAsync();
        var slug = await UploadAsync(harness, CodeSigningFileKind.BuildCertificate, token);
        await harness.Files.UpdateBuildCertificateAsync(App, slug, new BuildCertificateUpdateParams { IsProtected = true }, cancellationToken: token);

        var unprotect = await Assert.ThrowsAsync<CodeSigningApiException>(
            () => harness.Files.Api.BuildCertificateUpdateAsync(App, slug, new BuildCertificateUpdateParams { IsProtected = false }, token));
        var expose = await Assert.ThrowsAsync<CodeSigningApiException>(
            () => harness.Files.Api.BuildCertificateUpdateAsync(App, slug, new BuildCertificateUpdateParams { IsExpose = false }, token));
        var processed = await Assert.ThrowsAsync<CodeSigningApiException>(
            () => harness.Files.Api.BuildCertificateUpdateAsync(App, slug, new BuildCertificateUpdateParams { Processed = false }, token));

        Assert.Equal(HttpStatusCode.BadRequest, unprotect.StatusCode);
        Assert.Equal("is_protected cannot be changed once it is true.", unprotect.ServiceMessage);
        Assert.Equal("is_expose cannot be changed while is_protected is true.", expose.ServiceMessage);
        Assert.Equal("processed cannot be changed once it is true.", processed.ServiceMessage);
    }

    [Fact]
    public async Task ProcessedReset_RejectedBeforeSending()
    {
        var token = TestContext.Current.CancellationToken;
        await using var harness = await EmulatorHarness.StartAsync();
        var slug = await UploadAsync(harness, CodeSigningFileKind.GenericProjectFile, token);

        var exception = await Assert.ThrowsAsync<CodeSigningConstraintException>(
            () => harness.Files.UpdateGenericProjectFileAsync(App, slug, new ProjectFileStorageDocumentUpdateParams { Processed = false }, cancellationToken: token));
        var shown = (await harness.Files.Api.GenericProjectFileShowAsync(App, slug, token)).Data!;

        Assert.Equal([new CodeSigningConstraintViolation("processed", true, false)], exception.Violations);
        Assert.True(shown.Processed);
    }

    [Fact]
    public async Task SendingCurrentValues_IsAllowed()
    {
        var token = TestContext.Current.CancellationToken;
        await using var harness = await EmulatorHarness.StartAsync();
        var slug = await UploadAsync(harness, CodeSigningFileKind.ProvisioningProfile, token);
        var protectedItem = await harness.Files.UpdateProvisioningProfileAsync(App, slug, new ProvProfileDocumentUpdateParams { IsProtected = true }, cancellationToken: token);

        var updated = await harness.Files.UpdateProvisioningProfileAsync(
            App, slug, new ProvProfileDocumentUpdateParams { IsProtected = true, IsExpose = protectedItem.IsExpose!.Value, Processed = true }, protectedItem, token);

        Assert.True(updated.IsProtected);
        Assert.True(updated.Processed);
    }

    [Fact]
    public async Task CertificatePassword_StoredAfterUpload()
    {
        var token = TestContext.Current.CancellationToken;
        var p12 = CreatePkcs12(SecretScan.CertificatePassword);
        await using var harness = await EmulatorHarness.StartAsync();

        var uploaded = await harness.Files.UploadBuildCertificateAsync(
            App, UploadSource.FromStream(new MemoryStream(p12), p12.Length, "signing.p12"), SecretScan.CertificatePassword, token);
        var shown = (await harness.Files.Api.BuildCertificateShowAsync(App, uploaded.Slug!, token)).Data!;

        Assert.Equal(SecretScan.CertificatePassword, uploaded.CertificatePassword);
        Assert.Equal(SecretScan.CertificatePassword, shown.CertificatePassword);
        Assert.True(uploaded.Processed);
        Assert.NotEmpty(uploaded.Certificates ?? []);
        Assert.NotNull(uploaded.Certificates![0].Serial);
        Assert.True(uploaded.Certificates[0].ExpiryDate > DateTimeOffset.UtcNow.AddDays(29));
    }

    private static async Task<string> UploadAsync(EmulatorHarness harness, CodeSigningFileKind kind, CancellationToken token)
    {
        var bytes = RandomNumberGenerator.GetBytes(2_000);
        var slug = await UploadCases.All[kind].Upload(harness.Files, App, UploadSource.FromStream(new MemoryStream(bytes), bytes.Length, "file.bin"), token);
        return slug!;
    }

    private static async Task<string?> ShowDownloadUrlAsync(ICodeSigningApiClient api, CodeSigningFileKind kind, string slug, CancellationToken token) => kind switch
    {
        CodeSigningFileKind.ProvisioningProfile => (await api.ProvisioningProfileShowAsync(App, slug, token)).Data!.DownloadUrl,
        CodeSigningFileKind.BuildCertificate => (await api.BuildCertificateShowAsync(App, slug, token)).Data!.DownloadUrl,
        CodeSigningFileKind.GenericProjectFile => (await api.GenericProjectFileShowAsync(App, slug, token)).Data!.DownloadUrl,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Android keystore files have no update operation."),
    };

    /// <summary>Creates a password-protected PKCS #12 file with one self-signed certificate and its key.</summary>
    private static byte[] CreatePkcs12(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=End To End Signing", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return certificate.Export(X509ContentType.Pkcs12, password);
    }
}
