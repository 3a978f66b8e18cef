using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Bitrise.CodeSigning.Emulator.Storage;

namespace Bitrise.CodeSigning.Emulator.State;

/// <summary>
/// The apps and their code-signing files. One lock guards all state, so every operation is atomic. Uploaded bytes
/// are written outside the lock and swapped in by <see cref="AttachBlob"/>.
/// </summary>
internal sealed class FileStore
{
    /// <summary>The <c>user_env_key</c> of every Android keystore file, whose create request has no such field.</summary>
    private const string KeystoreUserEnvKey = "ANDROID_KEYSTORE";

    private readonly object _gate = new();

    // Each list keeps creation order, which is the order of list pages.
    private readonly Dictionary<string, Dictionary<FileKind, List<StoredFile>>> _apps = new(StringComparer.Ordinal);

    public FileStore(IEnumerable<string> appSlugs)
    {
        foreach (var appSlug in appSlugs)
        {
            AddApp(appSlug);
        }
    }

    /// <summary>Adds an app with no files, or does nothing when the app exists.</summary>
    public void AddApp(string appSlug)
    {
        lock (_gate)
        {
            if (!_apps.ContainsKey(appSlug))
            {
                _apps[appSlug] = FileKinds.All.ToDictionary(kind => kind, _ => new List<StoredFile>());
            }
        }
    }

    public FileSnapshot Create(string appSlug, FileKind kind, FileCreateRequest request)
    {
        lock (_gate)
        {
            var files = FindFiles(appSlug, kind);
            var slug = RandomNumberGenerator.GetHexString(16, lowercase: true);
            var file = new StoredFile(kind, appSlug, slug, request);

            if (kind == FileKind.AndroidKeystoreFile)
            {
                // NOTE: the env key and these metadata keys are the emulator's guess, because the API description gives no example.
                file.UserEnvKey = KeystoreUserEnvKey;
                file.ExposedMetaDatastore = new JsonObject
                {
                    ["ALIAS"] = request.Alias,
                    ["PASSWORD"] = request.Password,
                    ["PRIVATE_KEY_PASSWORD"] = request.PrivateKeyPassword,
                };
            }

            files.Add(file);
            return file.ToSnapshot();
        }
    }

    /// <summary>
    /// Returns the page of live files that starts at the file whose slug is <paramref name="next"/>, or at the
    /// first file when it is <see langword="null"/>. A deleted file is still a valid <paramref name="next"/>, so
    /// a caller that deletes while paging does not lose its place.
    /// </summary>
    public FilePage List(string appSlug, FileKind kind, string? next, int limit)
    {
        lock (_gate)
        {
            var files = FindFiles(appSlug, kind);
            var start = 0;
            if (next is not null)
            {
                start = files.FindIndex(file => string.Equals(file.Slug, next, StringComparison.Ordinal));
                if (start < 0)
                {
                    throw ApiException.BadRequest($"Invalid next value '{next}', because it is not the slug of a {kind.DisplayName().ToLowerInvariant()} of app '{appSlug}'. Pass paging.next from the previous page.");
                }
            }

            var remaining = files.Skip(start).Where(file => !file.IsDeleted).ToList();
            var page = remaining.Take(limit).Select(file => file.ToSnapshot()).ToList();
            var nextSlug = remaining.Count > limit ? remaining[limit].Slug : null;
            var total = files.Count(file => !file.IsDeleted);
            return new FilePage(page, total, limit, nextSlug);
        }
    }

    public FileSnapshot Get(string appSlug, FileKind kind, string slug)
    {
        lock (_gate)
        {
            return FindFile(appSlug, kind, slug).ToSnapshot();
        }
    }

    /// <summary>
    /// Applies a PATCH after checking all of its rules, so a rejected request changes nothing. Each rule compares the
    /// requested value with the current one, so sending a current value again is always allowed.
    /// </summary>
    /// <remarks>
    /// NOTE: the rules look at the state before the request, so one request may both protect a file and change its
    /// is_expose. The API description does not say whether the real API allows that.
    /// </remarks>
    public FileSnapshot Update(string appSlug, FileKind kind, string slug, FileUpdateRequest request)
    {
        lock (_gate)
        {
            var file = FindFile(appSlug, kind, slug);

            if (request.IsProtected is bool isProtected && isProtected != file.IsProtected && file.IsProtected)
            {
                throw ApiException.BadRequest("is_protected cannot be changed once it is true.");
            }

            if (request.IsExpose is bool isExpose && isExpose != file.IsExpose && file.IsProtected)
            {
                throw ApiException.BadRequest("is_expose cannot be changed while is_protected is true.");
            }

            if (request.Processed is bool processed && processed != file.Processed)
            {
                if (file.Processed)
                {
                    throw ApiException.BadRequest("processed cannot be changed once it is true.");
                }

                EnsureUploaded(file);
            }

            var passwordChanged = request.CertificatePassword is not null && request.CertificatePassword != file.CertificatePassword;
            file.IsProtected = request.IsProtected ?? file.IsProtected;
            file.IsExpose = request.IsExpose ?? file.IsExpose;
            file.CertificatePassword = request.CertificatePassword ?? file.CertificatePassword;
            file.UserEnvKey = request.UserEnvKey ?? file.UserEnvKey;
            file.ExposedMetaDatastore = request.ExposedMetaDatastore?.DeepClone().AsObject() ?? file.ExposedMetaDatastore;

            if (request.Processed == true && !file.Processed)
            {
                MarkProcessed(file);
            }
            else if (passwordChanged && file.Processed)
            {
                InspectContent(file);
            }

            return file.ToSnapshot();
        }
    }

    /// <summary>Marks a file processed, or returns it unchanged when it already is.</summary>
    public FileSnapshot Confirm(string appSlug, FileKind kind, string slug)
    {
        lock (_gate)
        {
            var file = FindFile(appSlug, kind, slug);
            if (!file.Processed)
            {
                EnsureUploaded(file);
                MarkProcessed(file);
            }

            return file.ToSnapshot();
        }
    }

    public FileSnapshot Delete(string appSlug, FileKind kind, string slug)
    {
        lock (_gate)
        {
            var file = FindFile(appSlug, kind, slug);
            var snapshot = file.ToSnapshot();
            file.IsDeleted = true;

            if (file.Blob is not null)
            {
                BlobDirectory.Release(file.Blob);
                file.Blob = null;
            }

            return snapshot;
        }
    }

    /// <summary>
    /// Makes <paramref name="blob"/> the content of a file, releasing the bytes of an earlier upload.
    /// </summary>
    /// <returns><see langword="false"/> when the file does not exist or was deleted, and then the caller releases the blob.</returns>
    public bool AttachBlob(string appSlug, FileKind kind, string slug, BlobEntry blob)
    {
        lock (_gate)
        {
            var file = TryFindFile(appSlug, kind, slug);
            if (file is null)
            {
                return false;
            }

            var previous = file.Blob;
            file.Blob = blob;
            if (file.Processed)
            {
                InspectContent(file);
            }

            if (previous is not null)
            {
                BlobDirectory.Release(previous);
            }

            return true;
        }
    }

    /// <summary>Returns the uploaded bytes of a live file, or <see langword="null"/> when there are none.</summary>
    public BlobEntry? FindBlob(string appSlug, FileKind kind, string slug)
    {
        lock (_gate)
        {
            return TryFindFile(appSlug, kind, slug)?.Blob;
        }
    }

    private static void EnsureUploaded(StoredFile file)
    {
        if (file.Blob is null)
        {
            throw ApiException.BadRequest($"{file.Kind.DisplayName()} '{file.Slug}' was not uploaded. PUT its bytes to the upload_url before confirming it.");
        }
    }

    private static void MarkProcessed(StoredFile file)
    {
        file.Processed = true;
        InspectContent(file);
    }

    private static void InspectContent(StoredFile file)
    {
        if (file.Blob is null)
        {
            return;
        }

        if (file.Kind == FileKind.BuildCertificate)
        {
            file.Certificates = SigningFileInspector.ReadCertificates(file.Blob, file.CertificatePassword);
        }
        else if (file.Kind == FileKind.AndroidKeystoreFile)
        {
            file.CertificateSha256Fingerprint = SigningFileInspector.ReadKeystoreFingerprint(file.Blob, file.Password ?? "");
        }
    }

    private List<StoredFile> FindFiles(string appSlug, FileKind kind)
    {
        if (!_apps.TryGetValue(appSlug, out var kinds))
        {
            throw ApiException.NotFound($"App '{appSlug}' was not found.");
        }

        return kinds[kind];
    }

    private StoredFile FindFile(string appSlug, FileKind kind, string slug)
    {
        var files = FindFiles(appSlug, kind);
        var file = files.Find(candidate => !candidate.IsDeleted && string.Equals(candidate.Slug, slug, StringComparison.Ordinal));
        return file ?? throw ApiException.NotFound($"{kind.DisplayName()} '{slug}' was not found in app '{appSlug}'.");
    }

    private StoredFile? TryFindFile(string appSlug, FileKind kind, string slug)
    {
        if (!_apps.TryGetValue(appSlug, out var kinds))
        {
            return null;
        }

        return kinds[kind].Find(candidate => !candidate.IsDeleted && string.Equals(candidate.Slug, slug, StringComparison.Ordinal));
    }
}
