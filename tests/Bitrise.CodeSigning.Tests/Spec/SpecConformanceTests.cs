using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Testing;
using NJsonSchema;
using NSwag;

namespace Bitrise.CodeSigning.Tests.Spec;

/// <summary>
/// Compares the project's OpenAPI 3 document with the official Swagger 2.0 description of the Bitrise API,
/// operation by operation and schema by schema. The deliberate differences that the document lists in its
/// <c>info.description</c> are the only ones accepted here.
/// </summary>
public sealed class SpecConformanceTests
{
    private const string OfficialPath = "reference/bitrise-api-codesigning.swagger.json";

    private static readonly string[] ErrorStatusCodes = ["400", "401", "404", "500"];

    private static readonly string[] SecretPropertyNames = ["certificate_password", "password", "private_key_password"];

    private static readonly string[] PresignedUrlPropertyNames = ["upload_url", "download_url"];

    // The official names start with the server's package name ("v0.", "service."), and ours drop it.
    private static readonly Regex OfficialPrefix = new(@"^(v0|service)\.", RegexOptions.CultureInvariant);

    private static readonly Lazy<Task<OpenApiDocument>> OurDocument =
        new(() => OpenApiYamlDocument.FromYamlAsync(File.ReadAllText(RepositoryPaths.Spec), RepositoryPaths.Spec));

    private static readonly Lazy<Task<OpenApiDocument>> OfficialDocument =
        new(() => OpenApiDocument.FromJsonAsync(File.ReadAllText(Path.Combine(RepositoryPaths.Shared, OfficialPath))));

    /// <summary>One row per operation id of the official description.</summary>
    public static TheoryData<string> OfficialOperationIds { get; } = new(
        "build-certificate-list",
        "build-certificate-create",
        "build-certificate-show",
        "build-certificate-delete",
        "build-certificate-update",
        "build-certificate-confirm",
        "provisioning-profile-list",
        "provisioning-profile-create",
        "provisioning-profile-show",
        "provisioning-profile-delete",
        "provisioning-profile-update",
        "provisioning-profile-confirm",
        "android-keystore-file-list",
        "android-keystore-file-create",
        "android-keystore-file-show",
        "android-keystore-file-delete",
        "android-keystore-file-confirm",
        "generic-project-file-list",
        "generic-project-files-create",
        "generic-project-file-show",
        "generic-project-file-delete",
        "generic-project-file-update",
        "generic-project-file-confirm");

    [Fact]
    public async Task OperationTable_MatchesOfficialOperations()
    {
        var official = await LoadOfficialAsync();
        var tableIds = OfficialOperationIds.Select(row => row.Data).Order(StringComparer.Ordinal);

        var officialIds = official.Operations.Select(operation => operation.Operation.OperationId).Order(StringComparer.Ordinal);

        Assert.Equal(officialIds, tableIds);
    }

    [Fact]
    public async Task Spec_HasExactly23Operations()
    {
        var ours = await OurDocument.Value;

        var ids = ours.Operations.Select(operation => operation.Operation.OperationId).ToList();

        Assert.Equal(23, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Spec_HasOfficialServer()
    {
        var ours = await OurDocument.Value;

        var server = Assert.Single(ours.Servers);
        Assert.Equal("https://api.bitrise.io/v0.1", server.Url);
    }

    [Theory]
    [MemberData(nameof(OfficialOperationIds))]
    public async Task Operation_HasOfficialPathMethodTagsAndSummary(string operationId)
    {
        var (official, ours) = await FindOperationPairAsync(operationId);

        Assert.True(official.Path == ours.Path, $"{operationId}: path is '{ours.Path}', official '{official.Path}'.");
        Assert.True(official.Method == ours.Method, $"{operationId}: method is '{ours.Method}', official '{official.Method}'.");
        Assert.True(
            official.Operation.Tags.SequenceEqual(ours.Operation.Tags),
            $"{operationId}: tags are [{string.Join(", ", ours.Operation.Tags)}], official [{string.Join(", ", official.Operation.Tags)}].");
        Assert.True(
            official.Operation.Summary == ours.Operation.Summary,
            $"{operationId}: summary is '{ours.Operation.Summary}', official '{official.Operation.Summary}'.");
    }

    [Theory]
    [MemberData(nameof(OfficialOperationIds))]
    public async Task Operation_HasOfficialPathParameters(string operationId)
    {
        var (official, ours) = await FindOperationPairAsync(operationId);

        var expected = DescribeParameters(official, OpenApiParameterKind.Path);
        var actual = DescribeParameters(ours, OpenApiParameterKind.Path);

        Assert.True(
            expected.SequenceEqual(actual),
            $"{operationId}: path parameters are [{string.Join(", ", actual)}], official [{string.Join(", ", expected)}].");
    }

    [Theory]
    [MemberData(nameof(OfficialOperationIds))]
    public async Task Operation_HasOfficialQueryParameters(string operationId)
    {
        var (official, ours) = await FindOperationPairAsync(operationId);

        var expected = DescribeParameters(official, OpenApiParameterKind.Query);
        var actual = DescribeParameters(ours, OpenApiParameterKind.Query);

        Assert.True(
            expected.SequenceEqual(actual),
            $"{operationId}: query parameters are [{string.Join(", ", actual)}], official [{string.Join(", ", expected)}].");
    }

    [Theory]
    [MemberData(nameof(OfficialOperationIds))]
    public async Task Operation_HasOfficialRequestBody(string operationId)
    {
        var (official, ours) = await FindOperationPairAsync(operationId);

        var officialBody = official.Operation.ActualParameters.SingleOrDefault(parameter => parameter.Kind == OpenApiParameterKind.Body);
        var ourBody = ours.Operation.ActualRequestBody;
        if (officialBody is null)
        {
            Assert.True(ourBody is null, $"{operationId}: has a request body, the official has none.");
            return;
        }

        Assert.True(ourBody is not null, $"{operationId}: request body is missing; the official has '{officialBody.Name}'.");
        Assert.True(ourBody.IsRequired, $"{operationId}: request body is not required; the official body '{officialBody.Name}' is.");
        Assert.True(
            ourBody.Content.TryGetValue("application/json", out var mediaType),
            $"{operationId}: request body has no application/json content.");

        var bodyName = ours.Operation.ExtensionData is { } extensions && extensions.TryGetValue("x-codegen-request-body-name", out var value)
            ? value?.ToString()
            : null;
        Assert.True(
            officialBody.Name == bodyName,
            $"{operationId}: x-codegen-request-body-name is '{bodyName}', the official body parameter is '{officialBody.Name}'.");

        var officialSchema = officialBody.Schema.ActualSchema;
        var ourSchema = mediaType.Schema.ActualSchema;
        AssertSchemaName(operationId, "request body", official.Document, officialSchema, ours.Document, ourSchema);
        AssertSameProperties($"{operationId} request body", official.Document, officialSchema, ours.Document, ourSchema);
        Assert.True(
            officialSchema.RequiredProperties.Order(StringComparer.Ordinal).SequenceEqual(ourSchema.RequiredProperties.Order(StringComparer.Ordinal)),
            $"{operationId}: request body requires [{string.Join(", ", ourSchema.RequiredProperties)}], official [{string.Join(", ", officialSchema.RequiredProperties)}].");
    }

    [Theory]
    [MemberData(nameof(OfficialOperationIds))]
    public async Task Operation_HasOfficialSuccessResponse(string operationId)
    {
        var (official, ours) = await FindOperationPairAsync(operationId);

        var officialCode = SuccessStatusCode(official);
        var ourCode = SuccessStatusCode(ours);
        Assert.True(officialCode == ourCode, $"{operationId}: success status is {ourCode}, official {officialCode}.");

        var officialSchema = official.Operation.ActualResponses[officialCode].ActualResponse.Schema?.ActualSchema;
        var ourSchema = ours.Operation.ActualResponses[ourCode].ActualResponse.Schema?.ActualSchema;
        Assert.True(officialSchema is not null, $"{operationId}: the official {officialCode} response has no schema.");
        Assert.True(ourSchema is not null, $"{operationId}: the {ourCode} response has no schema.");

        AssertSchemaName(operationId, $"{ourCode} response", official.Document, officialSchema, ours.Document, ourSchema);
        AssertSameProperties($"{operationId} {ourCode} response", official.Document, officialSchema, ours.Document, ourSchema);
    }

    [Theory]
    [MemberData(nameof(OfficialOperationIds))]
    public async Task Operation_HasOfficialStatusCodes(string operationId)
    {
        var (official, ours) = await FindOperationPairAsync(operationId);

        var expected = official.Operation.ActualResponses.Keys.Order(StringComparer.Ordinal);
        var actual = ours.Operation.ActualResponses.Keys.Order(StringComparer.Ordinal).ToList();

        Assert.True(
            expected.SequenceEqual(actual),
            $"{operationId}: status codes are [{string.Join(", ", actual)}], official [{string.Join(", ", expected)}].");
    }

    [Theory]
    [MemberData(nameof(OfficialOperationIds))]
    public async Task Operation_ErrorResponsesHaveMessage(string operationId)
    {
        var (_, ours) = await FindOperationPairAsync(operationId);

        foreach (var statusCode in ErrorStatusCodes)
        {
            Assert.True(
                ours.Operation.ActualResponses.TryGetValue(statusCode, out var response),
                $"{operationId}: the {statusCode} response is missing.");

            var schema = response.ActualResponse.Schema?.ActualSchema;
            Assert.True(schema is not null, $"{operationId}: the {statusCode} response has no schema.");
            Assert.True(
                schema.ActualProperties.TryGetValue("message", out var message),
                $"{operationId}: the {statusCode} response schema has no 'message' property.");
            Assert.True(
                TypeOf(message) == JsonObjectType.String,
                $"{operationId}: 'message' of the {statusCode} response is {TypeOf(message)}, expected a string.");
        }
    }

    [Theory]
    [MemberData(nameof(OfficialOperationIds))]
    public async Task Operation_HasOfficialSecurity(string operationId)
    {
        var (official, ours) = await FindOperationPairAsync(operationId);

        var expected = DescribeSecurity(official.Operation);
        var actual = DescribeSecurity(ours.Operation);

        Assert.True(
            expected.SequenceEqual(actual),
            $"{operationId}: security is [{string.Join(" | ", actual)}], official [{string.Join(" | ", expected)}].");
    }

    [Fact]
    public async Task SecuritySchemes_MatchOfficial()
    {
        var official = await LoadOfficialAsync();
        var ours = await OurDocument.Value;

        Assert.Equal(official.SecurityDefinitions.Keys.Order(StringComparer.Ordinal), ours.SecurityDefinitions.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, officialScheme) in official.SecurityDefinitions)
        {
            var ourScheme = ours.SecurityDefinitions[name];
            Assert.True(officialScheme.Type == ourScheme.Type, $"Security scheme {name}: type is {ourScheme.Type}, official {officialScheme.Type}.");
            Assert.True(officialScheme.Name == ourScheme.Name, $"Security scheme {name}: name is '{ourScheme.Name}', official '{officialScheme.Name}'.");
            Assert.True(officialScheme.In == ourScheme.In, $"Security scheme {name}: in is {ourScheme.In}, official {officialScheme.In}.");
        }
    }

    [Fact]
    public async Task Definitions_ExistWithoutPrefixAndMatch()
    {
        var official = await LoadOfficialAsync();
        var ours = await OurDocument.Value;

        Assert.Equal(official.Definitions.Count, ours.Definitions.Count);
        foreach (var (officialName, officialSchema) in official.Definitions)
        {
            var ourName = OfficialPrefix.Replace(officialName, string.Empty);

            Assert.True(ours.Definitions.TryGetValue(ourName, out var ourSchema), $"Schema '{ourName}' (official '{officialName}') is missing.");
            Assert.True(
                TypeOf(officialSchema) == TypeOf(ourSchema),
                $"Schema '{ourName}': type is {TypeOf(ourSchema)}, official {TypeOf(officialSchema)}.");
            AssertSameProperties($"Schema '{ourName}'", official, officialSchema, ours, ourSchema);
            Assert.True(
                officialSchema.RequiredProperties.Order(StringComparer.Ordinal).SequenceEqual(ourSchema.RequiredProperties.Order(StringComparer.Ordinal)),
                $"Schema '{ourName}': requires [{string.Join(", ", ourSchema.RequiredProperties)}], official [{string.Join(", ", officialSchema.RequiredProperties)}].");
        }
    }

    [Fact]
    public async Task Secrets_AreFormatPassword()
    {
        var ours = await OurDocument.Value;

        var secrets = FindProperties(ours, SecretPropertyNames);

        Assert.NotEmpty(secrets);
        foreach (var (field, property) in secrets)
        {
            Assert.True(property.Format == "password", $"{field}: format is '{property.Format}', expected 'password'.");
        }
    }

    [Fact]
    public async Task PresignedUrls_AreSensitivePlainStrings()
    {
        var ours = await OurDocument.Value;

        var urls = FindProperties(ours, PresignedUrlPropertyNames);

        Assert.NotEmpty(urls);
        foreach (var (field, property) in urls)
        {
            Assert.True(TypeOf(property) == JsonObjectType.String, $"{field}: type is {TypeOf(property)}, expected string.");
            Assert.True(property.Format is null, $"{field}: format is '{property.Format}', expected none, because a URI parser may rewrite the signed query.");
            Assert.True(IsExtensionTrue(property, "x-sensitive"), $"{field}: x-sensitive is not true.");
        }
    }

    private static async Task<OpenApiDocument> LoadOfficialAsync()
    {
        // RequireShared skips the test when the file is absent, so it runs before the cached load.
        RepositoryPaths.RequireShared(OfficialPath);

        return await OfficialDocument.Value;
    }

    private static async Task<(OperationInDocument Official, OperationInDocument Ours)> FindOperationPairAsync(string operationId)
    {
        var official = await LoadOfficialAsync();
        var ours = await OurDocument.Value;

        var officialOperation = official.Operations.Single(operation => operation.Operation.OperationId == operationId);
        var ourOperations = ours.Operations.Where(operation => operation.Operation.OperationId == operationId).ToList();
        Assert.True(ourOperations.Count == 1, $"{operationId}: found {ourOperations.Count} operations with this id in the spec, expected 1.");

        return (
            new OperationInDocument(official, officialOperation.Path, officialOperation.Method, officialOperation.Operation),
            new OperationInDocument(ours, ourOperations[0].Path, ourOperations[0].Method, ourOperations[0].Operation));
    }

    /// <summary>Describes each parameter of one kind as "name: type(format), required, maximum".</summary>
    private static List<string> DescribeParameters(OperationInDocument operation, OpenApiParameterKind kind)
    {
        return operation.Operation.ActualParameters
            .Select(parameter => parameter.ActualParameter)
            .Where(parameter => parameter.Kind == kind)
            .OrderBy(parameter => parameter.Name, StringComparer.Ordinal)
            .Select(parameter =>
            {
                // Swagger 2.0 puts the type on the parameter itself, OpenAPI 3 in its schema.
                JsonSchema schema = parameter.Schema?.ActualSchema ?? parameter;
                var required = parameter.IsRequired ? "required" : "optional";
                return $"{parameter.Name}: {TypeOf(schema)}({schema.Format}), {required}, maximum {schema.Maximum}";
            })
            .ToList();
    }

    private static List<string> DescribeSecurity(OpenApiOperation operation)
    {
        return (operation.Security ?? [])
            .Select(requirement => string.Join(" + ", requirement.Keys.Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string SuccessStatusCode(OperationInDocument operation)
    {
        var codes = operation.Operation.ActualResponses.Keys.Where(code => code.StartsWith('2')).ToList();
        Assert.True(codes.Count == 1, $"{operation.Operation.OperationId}: has {codes.Count} success responses [{string.Join(", ", codes)}], expected 1.");

        return codes[0];
    }

    private static void AssertSchemaName(string operationId, string role, OpenApiDocument officialDocument, JsonSchema officialSchema, OpenApiDocument ourDocument, JsonSchema ourSchema)
    {
        var expected = SchemaName(officialDocument, officialSchema);
        var actual = SchemaName(ourDocument, ourSchema);

        Assert.True(expected == actual, $"{operationId}: {role} schema is '{actual}', official '{expected}'.");
    }

    /// <summary>Asserts the same property names, and for each property the same type, format and reference.</summary>
    private static void AssertSameProperties(string owner, OpenApiDocument officialDocument, JsonSchema officialSchema, OpenApiDocument ourDocument, JsonSchema ourSchema)
    {
        var officialNames = officialSchema.ActualProperties.Keys.Order(StringComparer.Ordinal).ToList();
        var ourNames = ourSchema.ActualProperties.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.True(
            officialNames.SequenceEqual(ourNames),
            $"{owner}: properties are [{string.Join(", ", ourNames)}], official [{string.Join(", ", officialNames)}].");

        foreach (var name in officialNames)
        {
            var expected = DescribeType(officialDocument, officialSchema.ActualProperties[name]);
            var actual = DescribeType(ourDocument, ourSchema.ActualProperties[name]);

            Assert.True(expected.Type == actual.Type, $"{owner}: '{name}' is {actual.Type}, official {expected.Type}.");
            Assert.True(
                expected.Format == actual.Format || IsAcceptedFormatDifference(name, expected.Format, actual.Format),
                $"{owner}: '{name}' has format '{actual.Format}', official '{expected.Format}'.");
        }
    }

    /// <summary>
    /// The format differences the spec makes on purpose: <c>upload_file_size</c> is int64 because files can
    /// exceed 2 GiB, and secrets are <c>format: password</c>.
    /// </summary>
    private static bool IsAcceptedFormatDifference(string propertyName, string? officialFormat, string? ourFormat)
    {
        if (officialFormat is not null)
        {
            return false;
        }

        return (propertyName == "upload_file_size" && ourFormat == "int64")
            || (SecretPropertyNames.Contains(propertyName) && ourFormat == "password");
    }

    /// <summary>
    /// Describes a property's type as "string", "array of ref Name" or "ref Name", with the prefix-less schema
    /// name of a reference, and returns its format separately.
    /// </summary>
    private static (string Type, string? Format) DescribeType(OpenApiDocument document, JsonSchemaProperty property)
    {
        // ActualTypeSchema follows a $ref and a one-element allOf around a $ref.
        var typeSchema = property.ActualTypeSchema;
        if (!ReferenceEquals(typeSchema, property))
        {
            return ($"ref {SchemaName(document, typeSchema)}", null);
        }

        if (TypeOf(property) == JsonObjectType.Array)
        {
            var items = property.Item?.ActualSchema;
            var itemType = items is null ? "unknown" : $"ref {SchemaName(document, items)}";
            return ($"array of {itemType}", null);
        }

        return (TypeOf(property).ToString(), property.Format);
    }

    private static string SchemaName(OpenApiDocument document, JsonSchema schema)
    {
        var name = document.Definitions.FirstOrDefault(definition => ReferenceEquals(definition.Value, schema)).Key;

        return name is null ? "(inline)" : OfficialPrefix.Replace(name, string.Empty);
    }

    /// <summary>Returns the schema's type without the null flag, so that <c>nullable</c> on the fields documented as null is no difference.</summary>
    private static JsonObjectType TypeOf(JsonSchema schema) => schema.Type & ~JsonObjectType.Null;

    private static List<(string Field, JsonSchemaProperty Property)> FindProperties(OpenApiDocument document, string[] propertyNames)
    {
        return document.Definitions
            .SelectMany(definition => definition.Value.ActualProperties
                .Where(property => propertyNames.Contains(property.Key))
                .Select(property => ($"{definition.Key}.{property.Key}", property.Value)))
            .ToList();
    }

    // An extension value read from YAML may be the string "true" or a boolean, so both count.
    private static bool IsExtensionTrue(JsonSchema schema, string extension)
    {
        return schema.ExtensionData is not null
            && schema.ExtensionData.TryGetValue(extension, out var value)
            && string.Equals(value?.ToString(), "true", StringComparison.OrdinalIgnoreCase);
    }

    private sealed record OperationInDocument(OpenApiDocument Document, string Path, string Method, OpenApiOperation Operation);
}
