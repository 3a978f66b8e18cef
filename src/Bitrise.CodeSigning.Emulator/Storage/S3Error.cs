using System.Security;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Bitrise.CodeSigning.Emulator.Storage;

/// <summary>An S3 error response: a status code and an <c>&lt;Error&gt;</c> XML body with a code and a message.</summary>
internal sealed record S3Error(int StatusCode, string Code, string Message)
{
    public static S3Error AccessDenied(string message) => new(StatusCodes.Status403Forbidden, "AccessDenied", message);

    public static S3Error SignatureDoesNotMatch() => new(
        StatusCodes.Status403Forbidden,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.");

    public static S3Error MissingContentLength() => new(
        StatusCodes.Status411LengthRequired,
        "MissingContentLength",
        "You must provide the Content-Length HTTP header.");

    public static S3Error InvalidArgument(string message) => new(StatusCodes.Status400BadRequest, "InvalidArgument", message);

    public static S3Error IncompleteBody() => new(
        StatusCodes.Status400BadRequest,
        "IncompleteBody",
        "You did not provide the number of bytes specified by the Content-Length HTTP header.");

    public static S3Error NoSuchKey() => new(StatusCodes.Status404NotFound, "NoSuchKey", "The specified key does not exist.");

    public static S3Error MethodNotAllowed() => new(
        StatusCodes.Status405MethodNotAllowed,
        "MethodNotAllowed",
        "The specified method is not allowed against this resource.");

    public Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = StatusCode;
        response.ContentType = "application/xml";
        var body = $"""<?xml version="1.0" encoding="UTF-8"?>{"\n"}<Error><Code>{Code}</Code><Message>{SecurityElement.Escape(Message)}</Message></Error>""";
        return response.WriteAsync(body, Encoding.UTF8);
    }
}
