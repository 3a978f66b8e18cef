using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Bitrise.CodeSigning.Emulator.Storage;

namespace Bitrise.CodeSigning.Emulator.State;

/// <summary>
/// The apps and their code-signing files. One lock guards all state, so every operation is atomic. Uploaded bytes
/// are written outside the lock and swapped in by <see cref="AttachBlob"/>, and uploaded PKCS #12 files are
/// inspected outside it too (see <see cref="RunWithInspection"/>).
/// </summary>
internal sealed class FileStore
{
    /// <summary>The <c>user_env_key</c> of every Android keystore file, whose create request has no such field.</summary>
    private const string KeystoreUserEnvKey = "ANDROID_KEYSTORE";

    private readonly object _gate = new();

    private readonly Func<InspectionInput, InspectionResult> _inspect;

    // Each list keeps creation order, which is the order of list pages.
    private readonly Dictionary<string, Dictionary<FileKind, List<StoredFile>>> _apps = new(StringComparer.Ordinal);

    /// <param name="appSlugs">The apps, each with no files.</param>
    /// <param name="inspect">
    /// Reads the facts of an uploaded signing file; <see cref="SigningFileInspector.Inspect"/> when null. Tests pass a
    /// slow one.
    /// </param>
    public FileStore(IEnumerable<string> appSlugs, Func<InspectionInput, InspectionResult>? inspect = null)
    {
        _inspect = inspect ?? SigningFileInspector.Inspect;
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
    public FileSnapshot Update(string appSlug, FileKind kind, string slug, FileUpdateRequest request) => RunWithInspection(inspected =>
    {
        var file = FindFile(appSlug, kind, slug);
        CheckUpdateRules(file, request);

        var certificatePassword = request.CertificatePassword ?? file.CertificatePassword;
        var passwordChanged = certificatePassword != file.CertificatePassword;
        var processedNow = request.Processed == true && !file.Processed;
        var needed = processedNow || (passwordChanged && file.Processed) ? InspectionInputFor(file, file.Blob, certificatePassword) : null;
        if (needed is not null && inspected?.Input != needed)
        {
            return Attempt<FileSnapshot>.Inspect(needed);
        }

        file.IsProtected = request.IsProtected ?? file.IsProtected;
        file.IsExpose = request.IsExpose ?? file.IsExpose;
        file.CertificatePassword = certificatePassword;
        file.UserEnvKey = request.UserEnvKey ?? file.UserEnvKey;
        file.ExposedMetaDatastore = request.ExposedMetaDatastore?.DeepClone().AsObject() ?? file.ExposedMetaDatastore;
        file.Processed |= processedNow;
        if (needed is not null)
        {
            ApplyFacts(file, inspected!);
        }

        return Attempt<FileSnapshot>.Done(file.ToSnapshot());
    });

    /// <summary>Marks a file processed, or returns it unchanged when it already is.</summary>
    public FileSnapshot Confirm(string appSlug, FileKind kind, string slug) => RunWithInspection(inspected =>
    {
        var file = FindFile(appSlug, kind, slug);
        if (file.Processed)
        {
            return Attempt<FileSnapshot>.Done(file.ToSnapshot());
        }

        EnsureUploaded(file);
        var needed = InspectionInputFor(file, file.Blob, file.CertificatePassword);
        if (needed is not null && inspected?.Input != needed)
        {
            return Attempt<FileSnapshot>.Inspect(needed);
        }

        file.Processed = true;
        if (needed is not null)
        {
            ApplyFacts(file, inspected!);
        }

        return Attempt<FileSnapshot>.Done(file.ToSnapshot());
    });

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
    public bool AttachBlob(string appSlug, FileKind kind, string slug, BlobEntry blob) => RunWithInspection(inspected =>
    {
        var file = TryFindFile(appSlug, kind, slug);
        if (file is null)
        {
            return Attempt<bool>.Done(false);
        }

        var needed = file.Processed ? InspectionInputFor(file, blob, file.CertificatePassword) : null;
        if (needed is not null && inspected?.Input != needed)
        {
            return Attempt<bool>.Inspect(needed);
        }

        var previous = file.Blob;
        file.Blob = blob;
        if (needed is not null)
        {
            ApplyFacts(file, inspected!);
        }

        if (previous is not null)
        {
            BlobDirectory.Release(previous);
        }

        return Attempt<bool>.Done(true);
    });

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

    /// <summary>Checks every rule of a PATCH against the current state, before anything changes.</summary>
    private static void CheckUpdateRules(StoredFile file, FileUpdateRequest request)
    {
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
    }

    /// <summary>
    /// Returns what the facts of <paramref name="file"/> are read from when its bytes are <paramref name="blob"/> and
    /// its certificate password is <paramref name="certificatePassword"/>, or <see langword="null"/> when its kind has
    /// no such facts or it has no bytes.
    /// </summary>
    private static InspectionInput? InspectionInputFor(StoredFile file, BlobEntry? blob, string certificatePassword)
    {
        if (blob is null)
        {
            return null;
        }

        return file.Kind switch
        {
            FileKind.BuildCertificate => new InspectionInput(file.Kind, blob, certificatePassword),
            FileKind.AndroidKeystoreFile => new InspectionInput(file.Kind, blob, file.Password ?? ""),
            _ => null,
        };
    }

    private static void ApplyFacts(StoredFile file, InspectionResult result)
    {
        file.Certificates = result.Certificates;
        file.CertificateSha256Fingerprint = result.CertificateSha256Fingerprint;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> under the lock until it completes. An attempt that needs facts of a file's bytes
    /// that it was not given changes nothing and returns their input. That input is inspected outside the lock,
    /// because decrypting a PKCS #12 file can take seconds and would stall every other request, and the attempt runs
    /// again with the result. The attempt uses the result only when it was read from the input the file needs now, so
    /// a delete, a new upload or a password change that came in meanwhile gets a fresh look.
    /// </summary>
    private T RunWithInspection<T>(Func<InspectionResult?, Attempt<T>> attempt)
    {
        InspectionResult? inspected = null;
        while (true)
        {
            Attempt<T> outcome;
            lock (_gate)
            {
                outcome = attempt(inspected);
            }

            if (outcome.PendingInspection is not { } input)
            {
                return outcome.Value!;
            }

            inspected = _inspect(input);
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

    /// <summary>One pass of an operation under the lock: its value, or the input it needs inspected first.</summary>
    private readonly record struct Attempt<T>(T? Value, InspectionInput? PendingInspection)
    {
        public static Attempt<T> Done(T value) => new(value, null);

        public static Attempt<T> Inspect(InspectionInput input) => new(default, input);
    }
}
