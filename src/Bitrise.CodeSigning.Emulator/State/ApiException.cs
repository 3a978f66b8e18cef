using System;

namespace Bitrise.CodeSigning.Emulator.State;

/// <summary>
/// A rejected API request. The API middleware turns it into a response with <see cref="StatusCode"/> and the body
/// <c>{"message": Message}</c>.
/// </summary>
internal sealed class ApiException : Exception
{
    public ApiException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }

    public static ApiException BadRequest(string message) => new(400, message);

    public static ApiException NotFound(string message) => new(404, message);
}
