using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Client;
using Bitrise.CodeSigning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrise.CodeSigning.Tests.Faults;

/// <summary>
/// Feeds mutated and malformed JSON bodies to every response type, through the generated client and through
/// <see cref="ICodeSigningFiles"/>, and checks that each call succeeds or raises <see cref="CodeSigningApiException"/>
/// or a type derived from it, and never hangs.
/// </summary>
public sealed class ResponseFuzzTests
{
    private const string App = "demo-app";
    private const int MutationsPerOperation = 150;

    /// <summary>The time after which one call fails the test instead of hanging it.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    private const string Item = """{"slug":"s1","upload_file_name":"a.p12","upload_file_size":12,"processed":true,"is_expose":true,"is_protected":false,"user_env_key":"KEY","file_sha256":"00ff","certificate_common_name":"CN","exposed_meta_datastore":{"ALIAS":"a"}}""";
    private const string Paging = "\"paging\":{\"total_item_count\":2,\"page_item_limit\":50}";

    /// <summary>Each operation with the valid body it expects; a body has no URL, so no mutation can send a request elsewhere.</summary>
    private static readonly IReadOnlyList<(string Name, string Body, Func<ICodeSigningFiles, CancellationToken, Task> Call)> Operations =
    [
        .. Enum.GetValues<CodeSigningFileKind>().Select(kind => (
            $"list {kind}",
            $$"""{"data":[{{Item}},{{Item.Replace("s1", "s2", StringComparison.Ordinal)}}],{{Paging}}}""",
            (Func<ICodeSigningFiles, CancellationToken, Task>)(async (files, token) => await UploadCases.All[kind].ListSlugs(files, App, token).ToListAsync(token)))),
        .. Enum.GetValues<CodeSigningFileKind>().Select(kind => (
            $"upload {kind}",
            $$"""{"data":{{Item}}}""",
            (Func<ICodeSigningFiles, CancellationToken, Task>)((files, token) => UploadCases.All[kind].Upload(files, App, UploadSource.FromStream(new MemoryStream([1, 2, 3]), 3, "a.p12"), token)))),
        .. Enum.GetValues<CodeSigningFileKind>().Select(kind => (
            $"delete {kind}",
            $$"""{"data":{{Item}}}""",
            (Func<ICodeSigningFiles, CancellationToken, Task>)((files, token) => files.DeleteAsync(kind, App, "s1", token)))),
        ("show provisioning profile", $$"""{"data":{{Item}}}""", (files, token) => files.Api.ProvisioningProfileShowAsync(App, "s1", token)),
        ("show build certificate", $$"""{"data":{{Item}}}""", (files, token) => files.Api.BuildCertificateShowAsync(App, "s1", token)),
        ("show generic project file", $$"""{"data":{{Item}}}""", (files, token) => files.Api.GenericProjectFileShowAsync(App, "s1", token)),
        ("show Android keystore file", $$"""{"data":{{Item}}}""", (files, token) => files.Api.AndroidKeystoreFileShowAsync(App, "s1", token)),
        ("confirm provisioning profile", $$"""{"data":{{Item}}}""", (files, token) => files.Api.ProvisioningProfileConfirmAsync(App, "s1", token)),
        ("confirm build certificate", $$"""{"data":{{Item}}}""", (files, token) => files.Api.BuildCertificateConfirmAsync(App, "s1", token)),
        ("confirm generic project file", $$"""{"data":{{Item}}}""", (files, token) => files.Api.GenericProjectFileConfirmAsync(App, "s1", token)),
        ("confirm Android keystore file", $$"""{"data":{{Item}}}""", (files, token) => files.Api.AndroidKeystoreFileConfirmAsync(App, "s1", token)),
        (
            "update provisioning profile",
            $$"""{"data":{{Item}}}""",
            (files, token) => files.UpdateProvisioningProfileAsync(App, "s1", new ProvProfileDocumentUpdateParams { IsExpose = false }, new ProvisionProfileResponseItemModel { Slug = "s1", IsExpose = true, IsProtected = false, Processed = true }, token)),
        (
            "update build certificate",
            $$"""{"data":{{Item}}}""",
            (files, token) => files.UpdateBuildCertificateAsync(App, "s1", new BuildCertificateUpdateParams { IsExpose = false }, new BuildCertificateResponseItemModel { Slug = "s1", IsExpose = true, IsProtected = false, Processed = true }, token)),
        (
            "update generic project file",
            $$"""{"data":{{Item}}}""",
            (files, token) => files.UpdateGenericProjectFileAsync(App, "s1", new ProjectFileStorageDocumentUpdateParams { IsExpose = false }, new ProjectFileStorageResponseItemModel { Slug = "s1", IsExpose = true, IsProtected = false, Processed = true }, token)),
    ];

    [Fact]
    public async Task MutatedBodies_RaiseOnlyTypedExceptions()
    {
        var token = TestContext.Current.CancellationToken;
        var body = Array.Empty<byte>();
        var status = 200;
        await using var server = new RawHttpServer(_ => Task.FromResult(new RawHttpResponse(Volatile.Read(ref status), "application/json", Volatile.Read(ref body))));
        await using var services = MockApi.CreateServices(server.Origin, new LogCollector());
        var files = services.GetRequiredService<ICodeSigningFiles>();
        var mutator = new JsonMutator(seed: 20261205);
        var untyped = new ConcurrentQueue<string>();
        var calls = 0;

        foreach (var (name, valid, call) in Operations)
        {
            for (var mutation = 0; mutation < MutationsPerOperation; mutation++)
            {
                var mutated = mutator.Mutate(valid);

                // A URL in a body would send the client to another host, so such a mutation is skipped.
                if (Encoding.UTF8.GetString(mutated).Contains("://", StringComparison.Ordinal))
                {
                    continue;
                }

                // Every tenth body comes with a status that is neither retried nor 2xx, to reach the error-body parser.
                Volatile.Write(ref status, mutation % 10 == 9 ? 422 : 200);
                Volatile.Write(ref body, mutated);
                calls++;
                try
                {
                    await call(files, token).WaitAsync(HangLimit, token);
                }
                catch (CodeSigningApiException)
                {
                    // The typed family is the expected failure.
                }
                catch (Exception exception)
                {
                    untyped.Enqueue($"{name} with body {Convert.ToBase64String(mutated)}: {exception.GetType().Name}: {exception.Message}");
                }
            }
        }

        Assert.Empty(untyped);
        Assert.True(calls >= Operations.Count * MutationsPerOperation * 9 / 10, $"Only {calls} bodies were sent.");
    }
}
