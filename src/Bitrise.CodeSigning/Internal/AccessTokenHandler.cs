using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// Adds the access token as the <c>Authorization</c> header, but only to requests whose scheme, host and port are
/// those of <see cref="BitriseCodeSigningOptions.BaseAddress"/>, so the token never reaches another server.
/// </summary>
internal sealed class AccessTokenHandler : DelegatingHandler
{
    private readonly IOptionsMonitor<BitriseCodeSigningOptions> _options;
    private readonly ILogger _logger;

    public AccessTokenHandler(IOptionsMonitor<BitriseCodeSigningOptions> options, ILogger<AccessTokenHandler> logger)
    {
        _options = options;
        _logger = logger;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AddAccessToken(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AddAccessToken(request);
        return base.Send(request, cancellationToken);
    }

    private void AddAccessToken(HttpRequestMessage request)
    {
        var options = _options.CurrentValue;
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return;
        }

        if (!IsSameOrigin(uri, options.BaseAddress))
        {
            Log.AccessTokenWithheld(_logger, request.Method.Method, uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}", uri.AbsolutePath);
            return;
        }

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", options.AccessToken);
    }

    private static bool IsSameOrigin(Uri uri, Uri baseAddress)
        => string.Equals(uri.Scheme, baseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.IdnHost, baseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
            && uri.Port == baseAddress.Port;
}
