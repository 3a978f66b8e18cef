using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// The outermost handler of the API and storage clients. It turns a request that gets no usable response into a
/// <see cref="CodeSigningResponseException"/>, and wraps each response body in a <see cref="ReadTimeoutContent"/>, so
/// that a body that stalls or breaks off raises that exception too instead of hanging or escaping as an
/// <see cref="IOException"/>.
/// </summary>
/// <remarks>
/// The caller's cancellation still raises <see cref="OperationCanceledException"/>. That is safe to tell apart here
/// only because both clients have an infinite <see cref="HttpClient.Timeout"/>, so the token passed in is canceled by
/// the caller alone.
/// </remarks>
internal sealed class TransportFailureHandler : DelegatingHandler
{
    private readonly IOptionsMonitor<BitriseCodeSigningOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public TransportFailureHandler(IOptionsMonitor<BitriseCodeSigningOptions> options, TimeProvider timeProvider, ILogger<TransportFailureHandler> logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = RequestTarget.Of(request);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (exception.InnerException is CodeSigningApiException inner)
        {
            // The request content raised the library's own exception (an upload source of the wrong length); the
            // wrapper that HttpClient put around it adds nothing.
            throw inner;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsTransportFailure(exception))
        {
            var failure = ToResponseException(target, exception);
            Log.RequestGotNoResponse(_logger, exception, target.Method, target.Host, target.Path, failure.Failure);
            throw failure;
        }

        response.Content = new ReadTimeoutContent(response.Content, target, response.StatusCode, _options.CurrentValue.ResponseReadTimeout, _timeProvider, _logger);
        return response;
    }

    /// <summary>Gets whether an exception from sending means no usable response, as opposed to a bug or the library's own error.</summary>
    private static bool IsTransportFailure(Exception exception)
        => exception is ExecutionRejectedException or IOException or OperationCanceledException
            || exception is HttpRequestException and not CodeSigningApiException;

    private static CodeSigningResponseException ToResponseException(RequestTarget target, Exception exception)
    {
        if (exception is TimeoutRejectedException timeout)
        {
            return new CodeSigningResponseException(
                CodeSigningResponseFailure.TimedOut,
                $"{target} got no response within its timeout of {Describe(timeout.Timeout)}. "
                + "The server is slow or unreachable; try again later, or raise the timeout as the README describes.",
                target.Method,
                target.Path,
                exception);
        }

        return new CodeSigningResponseException(
            CodeSigningResponseFailure.NoResponse,
            $"{target} got no response ({TransportErrors.Describe(exception)}). Check the network connection to {target.Host}, then try again.",
            target.Method,
            target.Path,
            exception);
    }

    internal static string Describe(TimeSpan timeout)
        => timeout.TotalSeconds >= 1 ? $"{timeout.TotalSeconds:0.###} s" : $"{timeout.TotalMilliseconds:0.###} ms";
}
