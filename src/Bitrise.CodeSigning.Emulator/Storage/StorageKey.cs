using System;
using Bitrise.CodeSigning.Emulator.State;

namespace Bitrise.CodeSigning.Emulator.Storage;

/// <summary>
/// The object key of a file in the storage server: <c>/{bucket}/apps/{app}/{kind}/{slug}/{file name}</c>, with the
/// app slug and file name percent-encoded.
/// </summary>
internal readonly record struct StorageKey(string AppSlug, FileKind Kind, string Slug)
{
    public static string ToRawPath(FileSnapshot file) => string.Join(
        '/',
        "",
        PresignedUrlSigner.BucketName,
        "apps",
        Escape(file.AppSlug),
        file.Kind.PathSegment(),
        file.Slug,
        Escape(file.UploadFileName));

    /// <summary>Reads the key from a raw request path whose signature the caller has already checked.</summary>
    public static StorageKey? TryParse(string rawPath)
    {
        var segments = rawPath.Split('/');
        if (segments.Length != 7 || segments[1] != PresignedUrlSigner.BucketName || segments[2] != "apps")
        {
            return null;
        }

        if (!FileKinds.TryParsePathSegment(segments[4], out var kind))
        {
            return null;
        }

        return new StorageKey(Uri.UnescapeDataString(segments[3]), kind, segments[5]);
    }

    /// <summary>Percent-encodes every character outside A-Z, a-z, 0-9, '-', '_' and '.', so '~' becomes %7E.</summary>
    public static string Escape(string value) => Uri.EscapeDataString(value).Replace("~", "%7E", StringComparison.Ordinal);
}
