using System;

namespace Bitrise.CodeSigning;

/// <summary>
/// Settings of the Bitrise code-signing client. They are validated when the host starts: an invalid value stops
/// the start with an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> that names the value and the fix.
/// </summary>
public sealed class BitriseCodeSigningOptions
{
    /// <summary>The default of <see cref="BaseAddress"/>: the public Bitrise API.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.bitrise.io/v0.1");

    /// <summary>
    /// Gets or sets the absolute <c>https</c> address of the API, with its version path. The default is
    /// <c>https://api.bitrise.io/v0.1</c>. Plain <c>http</c> is accepted only for a loopback host (a local emulator),
    /// because the access token would otherwise travel unencrypted. It becomes the <see cref="System.Net.Http.HttpClient.BaseAddress"/> of the
    /// API client, and the access token is sent only to its scheme, host and port.
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// Gets or sets the Bitrise personal access token, sent as the whole value of the <c>Authorization</c> header of
    /// API requests. Required; it must not contain a line break. There is no default.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// Gets or sets the time limit of one attempt of a storage request (the PUT of an upload, or a download until
    /// its response headers arrive). The default is 10 minutes, enough for a file of about 1 GiB at 2 MB/s. It must
    /// be positive and at most <see cref="StorageTotalTimeout"/>.
    /// </summary>
    public TimeSpan StorageAttemptTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets the time limit of a storage request over all its attempts, retries and their delays included.
    /// The default is 30 minutes.
    /// </summary>
    /// <remarks>
    /// The body of a download is read after the resilience pipeline has returned, so neither limit covers it:
    /// <see cref="ResponseReadTimeout"/> limits each wait for data, and the download's
    /// <see cref="System.Threading.CancellationToken"/> limits the whole.
    /// </remarks>
    public TimeSpan StorageTotalTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Gets or sets how long a read of a response body may wait for data, for API and storage responses alike. The
    /// default is 30 seconds. It limits each wait, not the whole body, so a large download over a slow but steady link
    /// is not cut off; a server that stops sending in the middle of a body raises a
    /// <see cref="CodeSigningResponseException"/> with <see cref="CodeSigningResponseFailure.TimedOut"/> after this
    /// time. It must be positive, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.
    /// </summary>
    public TimeSpan ResponseReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the delay before the first retry of a storage request. Each further retry waits twice as long as
    /// the one before, with random jitter. A <c>Retry-After</c> header of a 429 or 503 response takes its place. The
    /// default is 2 seconds. It must not be negative.
    /// </summary>
    public TimeSpan StorageRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Returns the settings with the access token replaced by <c>[redacted]</c> (or <c>(not set)</c>).</summary>
    public override string ToString()
    {
        var token = string.IsNullOrEmpty(AccessToken) ? "(not set)" : "[redacted]";
        return $"{nameof(BitriseCodeSigningOptions)} {{ {nameof(BaseAddress)} = {BaseAddress}, {nameof(AccessToken)} = {token}, "
            + $"{nameof(StorageAttemptTimeout)} = {StorageAttemptTimeout}, {nameof(StorageTotalTimeout)} = {StorageTotalTimeout}, "
            + $"{nameof(StorageRetryDelay)} = {StorageRetryDelay}, {nameof(ResponseReadTimeout)} = {ResponseReadTimeout} }}";
    }
}
