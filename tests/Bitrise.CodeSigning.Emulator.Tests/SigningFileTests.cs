using System;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Emulator.Tests;

public sealed class SigningFileTests
{
    private static readonly DateTimeOffset NotAfter = new(2030, 6, 15, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Confirm_P12WithEmptyPassword_ListsCertificate()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var certificate = CreateCertificate();

        var confirmed = await session.CreateProcessedAsync("build-certificates", certificate.Export(X509ContentType.Pkcs12, ""));
        var entry = Assert.Single(confirmed["certificates"]!.AsArray())!;

        Assert.Equal(certificate.SerialNumber, (string?)entry["serial"]);
        Assert.Equal("2030-06-15T08:30:00Z", (string?)entry["expiry_date"]);
    }

    [Fact]
    public async Task Confirm_P12WithUnknownPassword_ListsNoCertificates()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var certificate = CreateCertificate();

        var confirmed = await session.CreateProcessedAsync("build-certificates", certificate.Export(X509ContentType.Pkcs12, "p12-secret"));

        Assert.Empty(confirmed["certificates"]!.AsArray());
        Assert.NotNull((string?)confirmed["file_sha256"]);
    }

    [Fact]
    public async Task Patch_CertificatePassword_ReadsCertificates()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var certificate = CreateCertificate();
        var confirmed = await session.CreateProcessedAsync("build-certificates", certificate.Export(X509ContentType.Pkcs12, "p12-secret"));

        using var response = await session.SendJsonAsync(HttpMethod.Patch, $"apps/demo-app/build-certificates/{confirmed["slug"]}", new JsonObject { ["certificate_password"] = "p12-secret" });
        var updated = await EmulatorSession.ReadDataAsync(response);

        Assert.Equal(certificate.SerialNumber, (string?)Assert.Single(updated["certificates"]!.AsArray())!["serial"]);
    }

    [Fact]
    public async Task Confirm_Pkcs12Keystore_SetsFingerprint()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var certificate = CreateCertificate();
        var keystore = certificate.Export(X509ContentType.Pkcs12, "store-secret");

        var confirmed = await session.CreateProcessedAsync("android-keystore-files", keystore);

        var expected = string.Join(':', Convert.ToHexString(SHA256.HashData(certificate.RawData)).Chunk(2).Select(pair => new string(pair)));
        Assert.Equal(expected, (string?)confirmed["certificate_sha256_fingerprint"]);
    }

    [Fact]
    public async Task Create_Keystore_HasNoFingerprintYet()
    {
        await using var session = await EmulatorSession.StartAsync();

        var created = await session.CreateAsync("android-keystore-files", 10);

        Assert.True(created.ContainsKey("certificate_sha256_fingerprint"));
        Assert.Null(created["certificate_sha256_fingerprint"]);
        Assert.Null(created["file_sha256"]);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Emulator Test Signing", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(NotAfter.AddYears(-2), NotAfter);
    }
}
