using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning;

/// <summary>
/// Uploads, downloads, lists and deletes the code-signing files of Bitrise apps on top of the generated
/// <see cref="ICodeSigningApiClient"/>. Register it with
/// <see cref="BitriseCodeSigningServiceCollectionExtensions.AddBitriseCodeSigning"/>.
/// </summary>
/// <remarks>
/// <para>
/// An upload has three stages: the API creates the item and returns a presigned upload URL; the storage client
/// sends the bytes to that URL in a PUT with their exact <c>Content-Length</c> and no access token; the API confirms
/// the item. A failure in the PUT or the confirm leaves a created but unconfirmed item, whose slug is logged; delete
/// it with <see cref="DeleteAsync"/> or upload again.
/// </para>
/// <para>
/// A zero-length source is rejected with an <see cref="ArgumentException"/> for a provisioning profile, a build
/// certificate and an Android keystore file, because an empty file is never one of those. A zero-length generic
/// project file is a valid upload.
/// </para>
/// </remarks>
public interface ICodeSigningFiles
{
    /// <summary>Gets the generated client of the API, for the operations that this interface does not wrap (for example the updates).</summary>
    ICodeSigningApiClient Api { get; }

    /// <summary>Uploads a provisioning profile: create, PUT to the presigned URL, confirm.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="source">The bytes and file name of the profile; it must not be empty.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The confirmed provisioning profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty, or <paramref name="source"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="CodeSigningApiException">The create or the confirm failed.</exception>
    /// <exception cref="CodeSigningStorageException">The PUT failed, or the source did not yield its declared length.</exception>
    /// <exception cref="Polly.Timeout.TimeoutRejectedException">A request took longer than its resilience timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<ProvisionProfileResponseItemModel> UploadProvisioningProfileAsync(string appSlug, UploadSource source, CancellationToken cancellationToken = default);

    /// <summary>Uploads a build certificate (<c>.p12</c>): create, PUT to the presigned URL, confirm.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="source">The bytes and file name of the certificate; it must not be empty.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The confirmed build certificate.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty, or <paramref name="source"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="CodeSigningApiException">The create or the confirm failed.</exception>
    /// <exception cref="CodeSigningStorageException">The PUT failed, or the source did not yield its declared length.</exception>
    /// <exception cref="Polly.Timeout.TimeoutRejectedException">A request took longer than its resilience timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<BuildCertificateResponseItemModel> UploadBuildCertificateAsync(string appSlug, UploadSource source, CancellationToken cancellationToken = default);

    /// <summary>Uploads a generic project file: create, PUT to the presigned URL, confirm.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="userEnvKey">The environment variable that contains the file's download URL in builds, for example <c>BITRISEIO_CONFIG_URL</c>.</param>
    /// <param name="source">The bytes and file name of the file; it may be empty.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The confirmed generic project file.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> or <paramref name="userEnvKey"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="CodeSigningApiException">The create or the confirm failed.</exception>
    /// <exception cref="CodeSigningStorageException">The PUT failed, or the source did not yield its declared length.</exception>
    /// <exception cref="Polly.Timeout.TimeoutRejectedException">A request took longer than its resilience timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<ProjectFileStorageResponseItemModel> UploadGenericProjectFileAsync(string appSlug, string userEnvKey, UploadSource source, CancellationToken cancellationToken = default);

    /// <summary>Uploads an Android keystore file with its credentials: create, PUT to the presigned URL, confirm.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="credentials">The alias and passwords that Bitrise stores with the keystore.</param>
    /// <param name="source">The bytes and file name of the keystore; it must not be empty.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The confirmed Android keystore file.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty, or <paramref name="source"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="CodeSigningApiException">The create or the confirm failed.</exception>
    /// <exception cref="CodeSigningStorageException">The PUT failed, or the source did not yield its declared length.</exception>
    /// <exception cref="Polly.Timeout.TimeoutRejectedException">A request took longer than its resilience timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<AndroidKeystoreFileResponseItemModel> UploadAndroidKeystoreFileAsync(string appSlug, AndroidKeystoreCredentials credentials, UploadSource source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads a file: reads its download URL from the API, then streams the bytes from the storage into
    /// <paramref name="destination"/>. When the file has a <c>file_sha256</c> (build certificates and Android keystore
    /// files do), the bytes are hashed while they are copied and compared at the end.
    /// </summary>
    /// <param name="kind">The kind of the file.</param>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="fileSlug">The slug of the file.</param>
    /// <param name="destination">The writable stream that receives the bytes. It is not disposed.</param>
    /// <param name="cancellationToken">Cancels the download, including the reading of the body, which no resilience timeout limits.</param>
    /// <returns>The number of bytes written to <paramref name="destination"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> or <paramref name="fileSlug"/> is null or empty, or <paramref name="destination"/> cannot be written.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    /// <exception cref="CodeSigningApiException">The show call failed.</exception>
    /// <exception cref="CodeSigningStorageException">
    /// The file has no download URL because it is protected, the storage request failed, or the SHA-256 differs. On a
    /// mismatch the bytes are already written: discard <paramref name="destination"/>.
    /// </exception>
    /// <exception cref="Polly.Timeout.TimeoutRejectedException">A request took longer than its resilience timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<long> DownloadAsync(CodeSigningFileKind kind, string appSlug, string fileSlug, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>Lists every provisioning profile of an app, requesting the pages one after another as they are enumerated.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="pageSize">The <c>limit</c> of each page, or <see langword="null"/> for the API's default (50).</param>
    /// <param name="cancellationToken">Cancels the enumeration; a token passed to <c>WithCancellation</c> works as well.</param>
    /// <returns>The provisioning profiles, in the order of the pages.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is zero or negative.</exception>
    /// <exception cref="CodeSigningApiException">A page request failed (raised while enumerating).</exception>
    /// <exception cref="InvalidOperationException">The API returned a <c>paging.next</c> cursor it had returned before (raised while enumerating).</exception>
    IAsyncEnumerable<ProvisionProfileResponseItemModel> ListProvisioningProfilesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Lists every build certificate of an app, requesting the pages one after another as they are enumerated.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="pageSize">The <c>limit</c> of each page, or <see langword="null"/> for the API's default (50).</param>
    /// <param name="cancellationToken">Cancels the enumeration; a token passed to <c>WithCancellation</c> works as well.</param>
    /// <returns>The build certificates, in the order of the pages.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is zero or negative.</exception>
    /// <exception cref="CodeSigningApiException">A page request failed (raised while enumerating).</exception>
    /// <exception cref="InvalidOperationException">The API returned a <c>paging.next</c> cursor it had returned before (raised while enumerating).</exception>
    IAsyncEnumerable<BuildCertificateResponseItemModel> ListBuildCertificatesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Lists every generic project file of an app, requesting the pages one after another as they are enumerated.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="pageSize">The <c>limit</c> of each page, or <see langword="null"/> for the API's default (50).</param>
    /// <param name="cancellationToken">Cancels the enumeration; a token passed to <c>WithCancellation</c> works as well.</param>
    /// <returns>The generic project files, in the order of the pages.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is zero or negative.</exception>
    /// <exception cref="CodeSigningApiException">A page request failed (raised while enumerating).</exception>
    /// <exception cref="InvalidOperationException">The API returned a <c>paging.next</c> cursor it had returned before (raised while enumerating).</exception>
    IAsyncEnumerable<ProjectFileStorageResponseItemModel> ListGenericProjectFilesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Lists every Android keystore file of an app, requesting the pages one after another as they are enumerated.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="pageSize">The <c>limit</c> of each page, or <see langword="null"/> for the API's default (50).</param>
    /// <param name="cancellationToken">Cancels the enumeration; a token passed to <c>WithCancellation</c> works as well.</param>
    /// <returns>The Android keystore files, in the order of the pages.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is zero or negative.</exception>
    /// <exception cref="CodeSigningApiException">A page request failed (raised while enumerating).</exception>
    /// <exception cref="InvalidOperationException">The API returned a <c>paging.next</c> cursor it had returned before (raised while enumerating).</exception>
    IAsyncEnumerable<AndroidKeystoreFileResponseItemModel> ListAndroidKeystoreFilesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file.</summary>
    /// <param name="kind">The kind of the file.</param>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="fileSlug">The slug of the file.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the API has deleted the file.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> or <paramref name="fileSlug"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    /// <exception cref="CodeSigningApiException">The delete failed, for example with 404 when there is no such file.</exception>
    /// <exception cref="Polly.Timeout.TimeoutRejectedException">The request took longer than its resilience timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task DeleteAsync(CodeSigningFileKind kind, string appSlug, string fileSlug, CancellationToken cancellationToken = default);
}
