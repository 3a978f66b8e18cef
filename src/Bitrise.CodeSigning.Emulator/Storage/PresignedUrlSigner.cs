using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bitrise.CodeSigning.Emulator.State;
using Microsoft.AspNetCore.WebUtilities;

namespace Bitrise.CodeSigning.Emulator.Storage;

/// <summary>
/// Issues and checks presigned URLs in the form of S3 query-string authentication.
/// </summary>
/// <remarks>
/// The signature is the lowercase hexadecimal HMAC-SHA256, under a random key made per emulator, of
/// <c>METHOD \n raw path \n raw query before "&amp;X-Amz-Signature=" \n content length</c>. The content length is the
/// declared upload size for PUT and empty for GET. The signed query contains the date and lifetime, so changing
/// either breaks the signature. All parts are taken from the raw request target, so a client that decodes
/// <c>%2F</c>, <c>%3B</c> or <c>%7E</c> before sending gets SignatureDoesNotMatch, as it does from S3. The
/// format imitates S3 but is not SigV4: only this emulator can check its signatures.
/// </remarks>
internal sealed class PresignedUrlSigner
{
    public const string BucketName = "bitrise-emulator";

    private const string SignatureParameter = "&X-Amz-Signature=";
    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    // The "~" appears as %7E and the scope's slashes as %2F, so only a client that sends the URL verbatim passes.
    private const string AccessKeyId = "EMULATOR~ACCESS~KEY";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _timeProvider;

    public PresignedUrlSigner(TimeSpan lifetime, TimeProvider timeProvider)
    {
        _lifetime = lifetime;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Returns a URL on the storage server at <paramref name="storageOrigin"/> that accepts PUT requests of exactly
    /// <c>UploadFileSize</c> bytes for the file until it expires.
    /// </summary>
    public string CreateUploadUrl(Uri storageOrigin, FileSnapshot file) => CreateUrl(storageOrigin, "PUT", file, file.UploadFileSize, "content-length;host");

    /// <summary>Returns a URL on the storage server that serves the file's bytes to GET until it expires.</summary>
    public string CreateDownloadUrl(Uri storageOrigin, FileSnapshot file) => CreateUrl(storageOrigin, "GET", file, null, "host");

    /// <summary>
    /// Checks a presigned request against its raw request target.
    /// </summary>
    /// <param name="method">The request method.</param>
    /// <param name="rawTarget">The request target exactly as received, path and query.</param>
    /// <param name="contentLength">The request's Content-Length for PUT, or <see langword="null"/> for GET.</param>
    /// <returns>The S3 error to send, or <see langword="null"/> when the request is valid.</returns>
    public S3Error? Validate(string method, string rawTarget, long? contentLength)
    {
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return S3Error.AccessDenied("Query-string authentication is required. Use the presigned URL that the API returned.");
        }

        var rawPath = rawTarget[..queryStart];
        var rawQuery = rawTarget[(queryStart + 1)..];
        var signatureStart = rawQuery.LastIndexOf(SignatureParameter, StringComparison.Ordinal);
        if (signatureStart < 0)
        {
            return S3Error.AccessDenied("Query-string authentication requires the X-Amz-Signature parameter.");
        }

        var signedQuery = rawQuery[..signatureStart];
        var providedSignature = rawQuery[(signatureStart + SignatureParameter.Length)..];
        var parameters = QueryHelpers.ParseQuery(signedQuery);
        if (!TryParseExpiry(parameters["X-Amz-Date"].ToString(), parameters["X-Amz-Expires"].ToString(), out var expiresAt))
        {
            return S3Error.AccessDenied("X-Amz-Date or X-Amz-Expires is missing or invalid.");
        }

        if (_timeProvider.GetUtcNow() > expiresAt)
        {
            return S3Error.AccessDenied("Request has expired");
        }

        var expectedSignature = Sign(method, rawPath, signedQuery, contentLength);
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedSignature), Encoding.ASCII.GetBytes(providedSignature));
        return matches ? null : S3Error.SignatureDoesNotMatch();
    }

    private string CreateUrl(Uri storageOrigin, string method, FileSnapshot file, long? contentLength, string signedHeaders)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var scope = $"{AccessKeyId}/{now:yyyyMMdd}/us-east-1/s3/aws4_request";
        var rawPath = StorageKey.ToRawPath(file);
        var signedQuery = string.Join(
            '&',
            "X-Amz-Algorithm=AWS4-HMAC-SHA256",
            "X-Amz-Credential=" + StorageKey.Escape(scope),
            "X-Amz-Date=" + now.ToString(DateFormat, CultureInfo.InvariantCulture),
            "X-Amz-Expires=" + ((long)_lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            "X-Amz-SignedHeaders=" + StorageKey.Escape(signedHeaders));
        var signature = Sign(method, rawPath, signedQuery, contentLength);
        return $"{storageOrigin.GetLeftPart(UriPartial.Authority)}{rawPath}?{signedQuery}{SignatureParameter}{signature}";
    }

    private string Sign(string method, string rawPath, string signedQuery, long? contentLength)
    {
        var length = contentLength?.ToString(CultureInfo.InvariantCulture) ?? "";
        var canonical = $"{method}\n{rawPath}\n{signedQuery}\n{length}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(canonical)));
    }

    private static bool TryParseExpiry(string date, string expires, out DateTimeOffset expiresAt)
    {
        expiresAt = default;
        if (!DateTimeOffset.TryParseExact(date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
        {
            return false;
        }

        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        expiresAt = signedAt.AddSeconds(seconds);
        return true;
    }
}
