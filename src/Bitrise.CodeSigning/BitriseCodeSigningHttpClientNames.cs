namespace Bitrise.CodeSigning;

/// <summary>
/// Names of the <see cref="System.Net.Http.HttpClient"/> instances that
/// <see cref="BitriseCodeSigningServiceCollectionExtensions.AddBitriseCodeSigning"/>
/// registers with <c>IHttpClientFactory</c>. Pass one to <c>services.AddHttpClient(name)</c> to configure that client further.
/// </summary>
public static class BitriseCodeSigningHttpClientNames
{
    /// <summary>
    /// The client of the Bitrise API itself. It sends the access token and uses the standard resilience handler,
    /// which retries only GET, HEAD, OPTIONS, PUT and DELETE.
    /// </summary>
    public const string Api = "Bitrise.CodeSigning.Api";

    /// <summary>
    /// The client of the presigned storage URLs: the PUT of an upload and the GET of a download. It never sends the
    /// access token, has no <see cref="System.Net.Http.HttpClient.Timeout"/> and has its own resilience pipeline with
    /// the long timeouts of <see cref="BitriseCodeSigningOptions.StorageAttemptTimeout"/> and
    /// <see cref="BitriseCodeSigningOptions.StorageTotalTimeout"/>.
    /// </summary>
    public const string Storage = "Bitrise.CodeSigning.Storage";
}
