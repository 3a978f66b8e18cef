using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Emulator.State;

namespace Bitrise.CodeSigning.Emulator.Api;

/// <summary>
/// Reads and checks the JSON bodies of create and PATCH requests. Each rejection is a 400 whose message names the
/// field. Unknown fields are ignored, and JSON null counts as absent.
/// </summary>
internal static class RequestBodyParser
{
    public static async Task<FileCreateRequest> ReadCreateAsync(Stream body, FileKind kind, long maxUploadBytes, CancellationToken cancellationToken)
    {
        var json = await ReadObjectAsync(body, cancellationToken);

        var fileName = RequiredString(json, "upload_file_name");
        if (fileName.Length == 0)
        {
            throw ApiException.BadRequest("upload_file_name must not be empty.");
        }

        var fileSize = RequiredInteger(json, "upload_file_size");
        if (fileSize < 0)
        {
            throw ApiException.BadRequest($"upload_file_size must not be negative, but it is {fileSize}.");
        }

        if (fileSize > maxUploadBytes)
        {
            throw ApiException.BadRequest($"upload_file_size {fileSize} is larger than the maximum upload size of {maxUploadBytes} bytes.");
        }

        var request = new FileCreateRequest(fileName, fileSize);
        return kind switch
        {
            FileKind.GenericProjectFile => request with { UserEnvKey = RequiredNonEmptyString(json, "user_env_key") },
            FileKind.AndroidKeystoreFile => request with
            {
                Alias = RequiredString(json, "alias"),
                Password = RequiredString(json, "password"),
                PrivateKeyPassword = RequiredString(json, "private_key_password"),
                KeystoreFileName = OptionalString(json, "keystore_file_name"),
            },
            _ => request,
        };
    }

    public static async Task<FileUpdateRequest> ReadUpdateAsync(Stream body, FileKind kind, CancellationToken cancellationToken)
    {
        var json = await ReadObjectAsync(body, cancellationToken);
        var request = new FileUpdateRequest
        {
            IsExpose = OptionalBoolean(json, "is_expose"),
            IsProtected = OptionalBoolean(json, "is_protected"),
            Processed = OptionalBoolean(json, "processed"),
        };

        return kind switch
        {
            FileKind.BuildCertificate => request with { CertificatePassword = OptionalString(json, "certificate_password") },
            FileKind.GenericProjectFile => request with
            {
                UserEnvKey = OptionalNonEmptyString(json, "user_env_key"),
                ExposedMetaDatastore = OptionalObject(json, "exposed_meta_datastore"),
            },
            _ => request,
        };
    }

    private static async Task<JsonObject> ReadObjectAsync(Stream body, CancellationToken cancellationToken)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            throw ApiException.BadRequest($"The request body is not valid JSON: {exception.Message}");
        }

        return node as JsonObject ?? throw ApiException.BadRequest("The request body must be a JSON object.");
    }

    private static JsonNode? Field(JsonObject json, string name)
    {
        json.TryGetPropertyValue(name, out var value);
        return value;
    }

    private static string RequiredString(JsonObject json, string name) =>
        OptionalString(json, name) ?? throw ApiException.BadRequest($"{name} is required but missing.");

    private static string RequiredNonEmptyString(JsonObject json, string name) =>
        OptionalNonEmptyString(json, name) ?? throw ApiException.BadRequest($"{name} is required but missing.");

    private static long RequiredInteger(JsonObject json, string name)
    {
        var value = Field(json, name) ?? throw ApiException.BadRequest($"{name} is required but missing.");
        if (value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue(out long number))
        {
            return number;
        }

        throw ApiException.BadRequest($"{name} must be an integer, but it is {Describe(value)}.");
    }

    private static string? OptionalString(JsonObject json, string name)
    {
        var value = Field(json, name);
        if (value is null)
        {
            return null;
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            throw ApiException.BadRequest($"{name} must be a string, but it is {Describe(value)}.");
        }

        return value.GetValue<string>();
    }

    private static string? OptionalNonEmptyString(JsonObject json, string name)
    {
        var value = OptionalString(json, name);
        if (value is { Length: 0 })
        {
            throw ApiException.BadRequest($"{name} must not be empty.");
        }

        return value;
    }

    private static bool? OptionalBoolean(JsonObject json, string name)
    {
        var value = Field(json, name);
        if (value is null)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ApiException.BadRequest($"{name} must be a boolean, but it is {Describe(value)}."),
        };
    }

    private static JsonObject? OptionalObject(JsonObject json, string name)
    {
        var value = Field(json, name);
        if (value is null)
        {
            return null;
        }

        return value as JsonObject ?? throw ApiException.BadRequest($"{name} must be an object, but it is {Describe(value)}.");
    }

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.GetValueKind().ToString(),
    };
}
