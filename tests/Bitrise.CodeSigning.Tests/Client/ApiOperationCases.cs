using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>One operation of the API, called with slugs that need escaping, and the request it must produce.</summary>
/// <param name="Call">Calls the operation.</param>
/// <param name="Method">The expected HTTP method.</param>
/// <param name="Target">The expected request target (path and query) as sent on the wire, after the base path <c>/v0.1</c>.</param>
/// <param name="Body">The expected JSON body, or <see langword="null"/> for none.</param>
internal sealed record ApiOperationCase(Func<ICodeSigningApiClient, CancellationToken, Task> Call, string Method, string Target, string? Body);

/// <summary>The 23 operations of the document.</summary>
internal static class ApiOperationCases
{
    /// <summary>An app slug with a slash and a space, which the client must escape as <c>a%2Fb%20c</c>.</summary>
    public const string App = "a/b c";

    /// <summary>A file slug with a slash, which the client must escape as <c>x%2Fy</c>.</summary>
    public const string File = "x/y";

    private const string AppPath = "/apps/a%2Fb%20c";

    public static readonly IReadOnlyDictionary<string, ApiOperationCase> All = new Dictionary<string, ApiOperationCase>
    {
        ["build-certificate-list"] = new(
            (api, token) => api.BuildCertificateListAsync(App, "n/1", 10, token), "GET", $"{AppPath}/build-certificates?next=n%2F1&limit=10", null),
        ["build-certificate-create"] = new(
            (api, token) => api.BuildCertificateCreateAsync(App, new BuildCertificateUploadParams { UploadFileName = "cert.p12", UploadFileSize = 2341 }, token),
            "POST", $"{AppPath}/build-certificates", """{"upload_file_name":"cert.p12","upload_file_size":2341}"""),
        ["build-certificate-show"] = new(
            (api, token) => api.BuildCertificateShowAsync(App, File, token), "GET", $"{AppPath}/build-certificates/x%2Fy", null),
        ["build-certificate-delete"] = new(
            (api, token) => api.BuildCertificateDeleteAsync(App, File, token), "DELETE", $"{AppPath}/build-certificates/x%2Fy", null),
        ["build-certificate-update"] = new(
            (api, token) => api.BuildCertificateUpdateAsync(App, File, new BuildCertificateUpdateParams { IsProtected = true }, token),
            "PATCH", $"{AppPath}/build-certificates/x%2Fy", """{"is_protected":true}"""),
        ["build-certificate-confirm"] = new(
            (api, token) => api.BuildCertificateConfirmAsync(App, File, token), "POST", $"{AppPath}/build-certificates/x%2Fy/uploaded", null),

        ["provisioning-profile-list"] = new(
            (api, token) => api.ProvisioningProfileListAsync(App, null, null, token), "GET", $"{AppPath}/provisioning-profiles", null),
        ["provisioning-profile-create"] = new(
            (api, token) => api.ProvisioningProfileCreateAsync(App, new ProvisionProfileUploadParams { UploadFileName = "dev.mobileprovision", UploadFileSize = 7566 }, token),
            "POST", $"{AppPath}/provisioning-profiles", """{"upload_file_name":"dev.mobileprovision","upload_file_size":7566}"""),
        ["provisioning-profile-show"] = new(
            (api, token) => api.ProvisioningProfileShowAsync(App, File, token), "GET", $"{AppPath}/provisioning-profiles/x%2Fy", null),
        ["provisioning-profile-delete"] = new(
            (api, token) => api.ProvisioningProfileDeleteAsync(App, File, token), "DELETE", $"{AppPath}/provisioning-profiles/x%2Fy", null),
        ["provisioning-profile-update"] = new(
            (api, token) => api.ProvisioningProfileUpdateAsync(App, File, new ProvProfileDocumentUpdateParams { IsExpose = false }, token),
            "PATCH", $"{AppPath}/provisioning-profiles/x%2Fy", """{"is_expose":false}"""),
        ["provisioning-profile-confirm"] = new(
            (api, token) => api.ProvisioningProfileConfirmAsync(App, File, token), "POST", $"{AppPath}/provisioning-profiles/x%2Fy/uploaded", null),

        ["generic-project-file-list"] = new(
            (api, token) => api.GenericProjectFileListAsync(App, null, 50, token), "GET", $"{AppPath}/generic-project-files?limit=50", null),
        ["generic-project-files-create"] = new(
            (api, token) => api.GenericProjectFilesCreateAsync(App, new ProjectFileStorageUploadParams { UploadFileName = "config.json", UploadFileSize = 12, UserEnvKey = "CONFIG_URL" }, token),
            "POST", $"{AppPath}/generic-project-files", """{"upload_file_name":"config.json","upload_file_size":12,"user_env_key":"CONFIG_URL"}"""),
        ["generic-project-file-show"] = new(
            (api, token) => api.GenericProjectFileShowAsync(App, File, token), "GET", $"{AppPath}/generic-project-files/x%2Fy", null),
        ["generic-project-file-delete"] = new(
            (api, token) => api.GenericProjectFileDeleteAsync(App, File, token), "DELETE", $"{AppPath}/generic-project-files/x%2Fy", null),
        ["generic-project-file-update"] = new(
            (api, token) => api.GenericProjectFileUpdateAsync(App, File, new ProjectFileStorageDocumentUpdateParams { UserEnvKey = "NEW_KEY" }, token),
            "PATCH", $"{AppPath}/generic-project-files/x%2Fy", """{"user_env_key":"NEW_KEY"}"""),
        ["generic-project-file-confirm"] = new(
            (api, token) => api.GenericProjectFileConfirmAsync(App, File, token), "POST", $"{AppPath}/generic-project-files/x%2Fy/uploaded", null),

        ["android-keystore-file-list"] = new(
            (api, token) => api.AndroidKeystoreFileListAsync(App, "page 2", null, token), "GET", $"{AppPath}/android-keystore-files?next=page%202", null),
        ["android-keystore-file-create"] = new(
            (api, token) => api.AndroidKeystoreFileCreateAsync(
                App,
                new AndroidKeystoreFileUploadParams { Alias = "alias1", Password = "store-secret", PrivateKeyPassword = "key-secret", UploadFileName = "release.p12", UploadFileSize = 5183 },
                token),
            "POST",
            $"{AppPath}/android-keystore-files",
            """{"alias":"alias1","password":"store-secret","private_key_password":"key-secret","upload_file_name":"release.p12","upload_file_size":5183}"""),
        ["android-keystore-file-show"] = new(
            (api, token) => api.AndroidKeystoreFileShowAsync(App, File, token), "GET", $"{AppPath}/android-keystore-files/x%2Fy", null),
        ["android-keystore-file-delete"] = new(
            (api, token) => api.AndroidKeystoreFileDeleteAsync(App, File, token), "DELETE", $"{AppPath}/android-keystore-files/x%2Fy", null),
        ["android-keystore-file-confirm"] = new(
            (api, token) => api.AndroidKeystoreFileConfirmAsync(App, File, token), "POST", $"{AppPath}/android-keystore-files/x%2Fy/uploaded", null),
    };

    public static TheoryData<string> Names => new(All.Keys.Order(StringComparer.Ordinal));
}
