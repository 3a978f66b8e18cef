using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Options;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// Validates <see cref="BitriseCodeSigningOptions"/> when the host starts. Each message names the setting, shows
/// its value (never the access token) and gives the fix.
/// </summary>
internal sealed class BitriseCodeSigningOptionsValidator : IValidateOptions<BitriseCodeSigningOptions>
{
    public ValidateOptionsResult Validate(string? name, BitriseCodeSigningOptions options)
    {
        var failures = new List<string>();
        ValidateBaseAddress(options.BaseAddress, failures);
        ValidateAccessToken(options.AccessToken, failures);
        ValidateStorageTimeouts(options.StorageAttemptTimeout, options.StorageTotalTimeout, failures);
        ValidateReadTimeoutAndRetryDelay(options.ResponseReadTimeout, options.StorageRetryDelay, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateBaseAddress(Uri? baseAddress, List<string> failures)
    {
        const string Example = "for example https://api.bitrise.io/v0.1";
        if (baseAddress is null)
        {
            failures.Add($"{nameof(BitriseCodeSigningOptions.BaseAddress)} is missing. Set it to the API's absolute http or https address, {Example}.");
        }
        else if (!baseAddress.IsAbsoluteUri || baseAddress.Scheme is not ("http" or "https"))
        {
            failures.Add($"{nameof(BitriseCodeSigningOptions.BaseAddress)} '{baseAddress.OriginalString}' is not an absolute http or https address. Set it to one, {Example}.");
        }
        else if (baseAddress.Scheme == "http" && !baseAddress.IsLoopback)
        {
            failures.Add(
                $"{nameof(BitriseCodeSigningOptions.BaseAddress)} '{baseAddress.GetLeftPart(UriPartial.Path)}' uses plain http, which would send the access token unencrypted. "
                + $"Use https, {Example}; plain http is accepted only for a loopback host such as 127.0.0.1.");
        }
        else if (baseAddress.Query.Length > 0 || baseAddress.Fragment.Length > 0)
        {
            failures.Add($"{nameof(BitriseCodeSigningOptions.BaseAddress)} '{baseAddress.GetLeftPart(UriPartial.Path)}' has a query string or fragment, which the request paths would lose. Remove it.");
        }
    }

    private static void ValidateAccessToken(string? accessToken, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(accessToken))
        {
            failures.Add($"{nameof(BitriseCodeSigningOptions.AccessToken)} is missing. Set it to a Bitrise personal access token.");
            return;
        }

        var lineBreak = accessToken.AsSpan().IndexOfAny('\r', '\n');
        if (lineBreak >= 0)
        {
            failures.Add(
                $"{nameof(BitriseCodeSigningOptions.AccessToken)} contains a line break (CR or LF) at position {lineBreak} of {accessToken.Length} characters, which an HTTP header cannot carry. "
                + "Remove it; a token read from a file often ends with one.");
        }
    }

    private static void ValidateStorageTimeouts(TimeSpan attempt, TimeSpan total, List<string> failures)
    {
        if (attempt <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(BitriseCodeSigningOptions.StorageAttemptTimeout)} is {attempt}, but it must be positive. Set it to the longest time one upload or download attempt may take, for example 00:10:00.");
        }

        if (total < attempt)
        {
            failures.Add($"{nameof(BitriseCodeSigningOptions.StorageTotalTimeout)} is {total}, shorter than {nameof(BitriseCodeSigningOptions.StorageAttemptTimeout)} {attempt}. Set it to at least the attempt timeout, for example 00:30:00.");
        }
    }

    private static void ValidateReadTimeoutAndRetryDelay(TimeSpan readTimeout, TimeSpan retryDelay, List<string> failures)
    {
        if (readTimeout <= TimeSpan.Zero && readTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{nameof(BitriseCodeSigningOptions.ResponseReadTimeout)} is {readTimeout}, but it must be positive. Set it to the longest time a response body may send no data, for example 00:00:30, or to Timeout.InfiniteTimeSpan for no limit.");
        }

        if (retryDelay < TimeSpan.Zero)
        {
            failures.Add($"{nameof(BitriseCodeSigningOptions.StorageRetryDelay)} is {retryDelay}, but it must not be negative. Set it to the delay before the first storage retry, for example 00:00:02.");
        }
    }
}
