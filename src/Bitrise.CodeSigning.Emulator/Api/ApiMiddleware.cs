using System;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Emulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bitrise.CodeSigning.Emulator.Api;

/// <summary>
/// Checks the access token of every API request and turns every failure into a JSON <c>{"message"}</c> body: an
/// <see cref="ApiException"/>, an unmatched route (404), a method that a path lacks (405) and an unexpected
/// exception (500).
/// </summary>
internal sealed class ApiMiddleware
{
    private const string TokenScheme = "token ";

    private readonly string _accessToken;
    private readonly ILogger _logger;

    public ApiMiddleware(string accessToken, ILogger logger)
    {
        _accessToken = accessToken;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!IsAuthorized(context.Request.Headers.Authorization.ToString()))
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
            return;
        }

        try
        {
            await next(context);
        }
        catch (ApiException exception)
        {
            await WriteErrorAsync(context, exception.StatusCode, exception.Message);
            return;
        }
        catch (BadHttpRequestException exception)
        {
            await WriteErrorAsync(context, exception.StatusCode, "The request could not be read: " + exception.Message);
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Log.ApiRequestFailed(_logger, context.Request.Method, context.Request.Path, exception);
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "Internal error in the Bitrise emulator: " + exception.Message);
            return;
        }

        if (context.Response.HasStarted)
        {
            return;
        }

        if (context.Response.StatusCode == StatusCodes.Status404NotFound)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, $"No API operation matches {context.Request.Path}.");
        }
        else if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, $"{context.Request.Method} is not allowed on {context.Request.Path}.");
        }
    }

    /// <summary>
    /// Accepts the raw token, as the Bitrise API documents, and <c>token &lt;token&gt;</c>, as older guides wrote.
    /// </summary>
    private bool IsAuthorized(string authorization)
    {
        if (string.Equals(authorization, _accessToken, StringComparison.Ordinal))
        {
            return true;
        }

        return authorization.StartsWith(TokenScheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(authorization[TokenScheme.Length..], _accessToken, StringComparison.Ordinal);
    }

    private async Task WriteErrorAsync(HttpContext context, int statusCode, string message)
    {
        Log.ApiRequestRejected(_logger, context.Request.Method, context.Request.Path, statusCode, message);
        context.Response.Clear();
        await Results.Json(new ErrorResponse(message), EmulatorJsonContext.Default.ErrorResponse, statusCode: statusCode).ExecuteAsync(context);
    }
}
