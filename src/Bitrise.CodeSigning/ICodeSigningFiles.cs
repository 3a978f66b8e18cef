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
/// An upload runs in stages (<see cref="UploadStage"/>): the API creates the entry and returns a presigned upload URL;
/// the storage client sends the bytes to that URL in a PUT with their exact <c>Content-Length</c> and no access token;
/// the API confirms the entry; and for a build certificate with a password, a PATCH sets the password. When a stage
/// after the create fails or the caller cancels, the created entry is deleted (best effort, with its own 30-second
/// timeout, and logged) before the exception surfaces.
/// </para>
/// <para>
/// Before the create, an upload lists the app's files of its kind (one request per 50 files) and records the slugs
/// of the unprocessed entries with the same file name and size, which belong to other uploads. The create is never
/// retried. When its response is lost (a timeout, a broken body, a 5xx other than 503), the client lists the files
/// again and deletes the one unprocessed entry of that name and size that was not there before. It deletes none when
/// it finds two or more, or when the list before the create failed. The list runs on every upload, because only a
/// list taken before the create can tell the entry of a lost create from an entry of another upload of the same file.
/// An entry that another upload of the same name and size creates after that list is still taken for the lost one,
/// so upload one file to one app from one process at a time.
/// </para>
/// <para>
/// Every failure of a call to the API or the storage is a <see cref="CodeSigningApiException"/>, so one catch clause
/// covers them. The derived types tell more:
/// </para>
/// <list type="table">
/// <listheader><term>exception</term><description>raised when</description></listheader>
/// <item><term><see cref="CodeSigningApiException"/></term><description>A call of the API returned a status outside 2xx (list, show, delete, and <see cref="Api"/>).</description></item>
/// <item><term><see cref="CodeSigningResponseException"/></term><description>A request got no response, timed out, its body stalled or broke off, or a 2xx response lacks a field the operation needs.</description></item>
/// <item><term><see cref="CodeSigningStorageException"/></term><description>A download from a presigned URL failed, the file has no download URL because it is protected, or its SHA-256 differs.</description></item>
/// <item><term><see cref="CodeSigningUploadException"/></term><description>A stage of an upload failed; <see cref="CodeSigningUploadException.Stage"/> names it and the inner exception is the cause.</description></item>
/// <item><term><see cref="CodeSigningConstraintException"/></term><description>An update breaks the PATCH rules, found by the client before sending or by the service's 400.</description></item>
/// </list>
/// <para>
/// Cancellation through the caller's token always surfaces as <see cref="OperationCanceledException"/>, never as one
/// of these. Arguments are checked before anything is sent and raise <see cref="ArgumentException"/> and its subtypes.
/// Exception messages never contain the access token, a password or a presigned URL's query string.
/// </para>
/// <para>
/// A zero-length source is rejected with an <see cref="ArgumentException"/> for a provisioning profile, a build
/// certificate and an Android keystore file, because an empty file is never one of those. A zero-length generic
/// project file is a valid upload.
/// </para>
/// </remarks>
public interface ICodeSigningFiles
{
    /// <summary>
    /// Gets the generated client of the API, for the operations that this interface does not wrap. Its update operations
    /// send a PATCH without the client-side checks of <see cref="UpdateBuildCertificateAsync"/> and its siblings.
    /// </summary>
    ICodeSigningApiClient Api { get; }

    /// <summary>Uploads a provisioning profile: create, PUT to the presigned URL, confirm.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="source">The bytes and file name of the profile; it must not be empty.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The confirmed provisioning profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty, or <paramref name="source"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="CodeSigningUploadException">
    /// A stage failed: the API or the storage returned an error, a request got no response or timed out, or the
    /// source did not yield its declared length. The created entry, if any, was deleted first.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; the created entry, if any, was deleted first.</exception>
    Task<ProvisionProfileResponseItemModel> UploadProvisioningProfileAsync(string appSlug, UploadSource source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads a build certificate (<c>.p12</c>): create, PUT to the presigned URL, confirm, and when
    /// <paramref name="certificatePassword"/> is given, a PATCH that sets it.
    /// </summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="source">The bytes and file name of the certificate; it must not be empty.</param>
    /// <param name="certificatePassword">
    /// The password of the <c>.p12</c>, which builds need to import it, or <see langword="null"/> (the default) to skip
    /// the <see cref="UploadStage.SetPassword"/> stage. It never appears in a log or an exception message.
    /// </param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The confirmed build certificate, with its password when one was set.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty, or <paramref name="source"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="CodeSigningUploadException">
    /// A stage failed: the API or the storage returned an error, a request got no response or timed out, or the
    /// source did not yield its declared length. The created entry, if any, was deleted first.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; the created entry, if any, was deleted first.</exception>
    Task<BuildCertificateResponseItemModel> UploadBuildCertificateAsync(string appSlug, UploadSource source, string? certificatePassword = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads a generic project file: create, PUT to the presigned URL, confirm.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="userEnvKey">The environment variable that contains the file's download URL in builds, for example <c>BITRISEIO_CONFIG_URL</c>.</param>
    /// <param name="source">The bytes and file name of the file; it may be empty.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The confirmed generic project file.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> or <paramref name="userEnvKey"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="CodeSigningUploadException">
    /// A stage failed: the API or the storage returned an error, a request got no response or timed out, or the
    /// source did not yield its declared length. The created entry, if any, was deleted first.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; the created entry, if any, was deleted first.</exception>
    Task<ProjectFileStorageResponseItemModel> UploadGenericProjectFileAsync(string appSlug, string userEnvKey, UploadSource source, CancellationToken cancellationToken = default);

    /// <summary>Uploads an Android keystore file with its credentials: create, PUT to the presigned URL, confirm.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="credentials">The alias and passwords that Bitrise stores with the keystore.</param>
    /// <param name="source">The bytes and file name of the keystore; it must not be empty.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The confirmed Android keystore file.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty, or <paramref name="source"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="CodeSigningUploadException">
    /// A stage failed: the API or the storage returned an error, a request got no response or timed out, or the
    /// source did not yield its declared length. The created entry, if any, was deleted first.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; the created entry, if any, was deleted first.</exception>
    Task<AndroidKeystoreFileResponseItemModel> UploadAndroidKeystoreFileAsync(string appSlug, AndroidKeystoreCredentials credentials, UploadSource source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the attributes of a provisioning profile with a PATCH, after checking the change against the file's current state:
    /// <c>is_protected</c> and <c>processed</c> cannot change once they are true, and <c>is_expose</c> cannot change while
    /// <c>is_protected</c> is true. Sending a field's current value again is allowed. Only the fields set in
    /// <paramref name="change"/> are sent.
    /// </summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="fileSlug">The slug of the provisioning profile.</param>
    /// <param name="change">The fields to change; unset fields keep their value.</param>
    /// <param name="current">
    /// The provisioning profile as last read, to check the change against without a request; or <see langword="null"/> (the default)
    /// to read the state with a show (GET) first. A state without the three flags is read again as well.
    /// </param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The provisioning profile after the change.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> or <paramref name="fileSlug"/> is null or empty, or <paramref name="current"/> is another file.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="CodeSigningConstraintException">
    /// The change breaks a rule. When <see cref="CodeSigningConstraintException.RejectedByService"/> is false, the client
    /// found it and sent nothing; when true, the service returned 400 because the state changed after it was read.
    /// </exception>
    /// <exception cref="CodeSigningApiException">The show or the PATCH failed for another reason, for example with 404 when there is no such file.</exception>
    /// <exception cref="CodeSigningResponseException">
    /// A request got no response, timed out or broke off, or the show or the PATCH returned 2xx without its <c>data</c>.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<ProvisionProfileResponseItemModel> UpdateProvisioningProfileAsync(string appSlug, string fileSlug, ProvProfileDocumentUpdateParams change, ProvisionProfileResponseItemModel? current = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the attributes of a build certificate with a PATCH, after checking the change against the file's current state:
    /// <c>is_protected</c> and <c>processed</c> cannot change once they are true, and <c>is_expose</c> cannot change while
    /// <c>is_protected</c> is true. Sending a field's current value again is allowed. Only the fields set in
    /// <paramref name="change"/> are sent.
    /// </summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="fileSlug">The slug of the build certificate.</param>
    /// <param name="change">The fields to change; unset fields keep their value.</param>
    /// <param name="current">
    /// The build certificate as last read, to check the change against without a request; or <see langword="null"/> (the default)
    /// to read the state with a show (GET) first. A state without the three flags is read again as well.
    /// </param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The build certificate after the change.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> or <paramref name="fileSlug"/> is null or empty, or <paramref name="current"/> is another file.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="CodeSigningConstraintException">
    /// The change breaks a rule. When <see cref="CodeSigningConstraintException.RejectedByService"/> is false, the client
    /// found it and sent nothing; when true, the service returned 400 because the state changed after it was read.
    /// </exception>
    /// <exception cref="CodeSigningApiException">The show or the PATCH failed for another reason, for example with 404 when there is no such file.</exception>
    /// <exception cref="CodeSigningResponseException">
    /// A request got no response, timed out or broke off, or the show or the PATCH returned 2xx without its <c>data</c>.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<BuildCertificateResponseItemModel> UpdateBuildCertificateAsync(string appSlug, string fileSlug, BuildCertificateUpdateParams change, BuildCertificateResponseItemModel? current = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the attributes of a generic project file with a PATCH, after checking the change against the file's current state:
    /// <c>is_protected</c> and <c>processed</c> cannot change once they are true, and <c>is_expose</c> cannot change while
    /// <c>is_protected</c> is true. Sending a field's current value again is allowed. Only the fields set in
    /// <paramref name="change"/> are sent.
    /// </summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="fileSlug">The slug of the generic project file.</param>
    /// <param name="change">The fields to change; unset fields keep their value.</param>
    /// <param name="current">
    /// The generic project file as last read, to check the change against without a request; or <see langword="null"/> (the default)
    /// to read the state with a show (GET) first. A state without the three flags is read again as well.
    /// </param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The generic project file after the change.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> or <paramref name="fileSlug"/> is null or empty, or <paramref name="current"/> is another file.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="CodeSigningConstraintException">
    /// The change breaks a rule. When <see cref="CodeSigningConstraintException.RejectedByService"/> is false, the client
    /// found it and sent nothing; when true, the service returned 400 because the state changed after it was read.
    /// </exception>
    /// <exception cref="CodeSigningApiException">The show or the PATCH failed for another reason, for example with 404 when there is no such file.</exception>
    /// <exception cref="CodeSigningResponseException">
    /// A request got no response, timed out or broke off, or the show or the PATCH returned 2xx without its <c>data</c>.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<ProjectFileStorageResponseItemModel> UpdateGenericProjectFileAsync(string appSlug, string fileSlug, ProjectFileStorageDocumentUpdateParams change, ProjectFileStorageResponseItemModel? current = null, CancellationToken cancellationToken = default);

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
    /// The file has no download URL because it is protected (a protected file cannot be downloaded through the API, and
    /// protection cannot be undone), the storage request failed, or the SHA-256 differs. On a mismatch the bytes are
    /// already written: discard <paramref name="destination"/>.
    /// </exception>
    /// <exception cref="CodeSigningResponseException">A request got no response, timed out, or its body stalled or broke off.</exception>
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
    /// <exception cref="CodeSigningResponseException">
    /// A page request got no response, timed out or broke off, or the API returned a <c>paging.next</c> cursor it had
    /// returned before (raised while enumerating).
    /// </exception>
    IAsyncEnumerable<ProvisionProfileResponseItemModel> ListProvisioningProfilesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Lists every build certificate of an app, requesting the pages one after another as they are enumerated.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="pageSize">The <c>limit</c> of each page, or <see langword="null"/> for the API's default (50).</param>
    /// <param name="cancellationToken">Cancels the enumeration; a token passed to <c>WithCancellation</c> works as well.</param>
    /// <returns>The build certificates, in the order of the pages.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is zero or negative.</exception>
    /// <exception cref="CodeSigningApiException">A page request failed (raised while enumerating).</exception>
    /// <exception cref="CodeSigningResponseException">
    /// A page request got no response, timed out or broke off, or the API returned a <c>paging.next</c> cursor it had
    /// returned before (raised while enumerating).
    /// </exception>
    IAsyncEnumerable<BuildCertificateResponseItemModel> ListBuildCertificatesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Lists every generic project file of an app, requesting the pages one after another as they are enumerated.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="pageSize">The <c>limit</c> of each page, or <see langword="null"/> for the API's default (50).</param>
    /// <param name="cancellationToken">Cancels the enumeration; a token passed to <c>WithCancellation</c> works as well.</param>
    /// <returns>The generic project files, in the order of the pages.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is zero or negative.</exception>
    /// <exception cref="CodeSigningApiException">A page request failed (raised while enumerating).</exception>
    /// <exception cref="CodeSigningResponseException">
    /// A page request got no response, timed out or broke off, or the API returned a <c>paging.next</c> cursor it had
    /// returned before (raised while enumerating).
    /// </exception>
    IAsyncEnumerable<ProjectFileStorageResponseItemModel> ListGenericProjectFilesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Lists every Android keystore file of an app, requesting the pages one after another as they are enumerated.</summary>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="pageSize">The <c>limit</c> of each page, or <see langword="null"/> for the API's default (50).</param>
    /// <param name="cancellationToken">Cancels the enumeration; a token passed to <c>WithCancellation</c> works as well.</param>
    /// <returns>The Android keystore files, in the order of the pages.</returns>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is zero or negative.</exception>
    /// <exception cref="CodeSigningApiException">A page request failed (raised while enumerating).</exception>
    /// <exception cref="CodeSigningResponseException">
    /// A page request got no response, timed out or broke off, or the API returned a <c>paging.next</c> cursor it had
    /// returned before (raised while enumerating).
    /// </exception>
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
    /// <exception cref="CodeSigningResponseException">The request got no response or timed out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task DeleteAsync(CodeSigningFileKind kind, string appSlug, string fileSlug, CancellationToken cancellationToken = default);
}
