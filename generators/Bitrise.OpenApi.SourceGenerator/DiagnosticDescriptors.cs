using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator;

/// <summary>Every diagnostic the generator reports. Each id has a section in <c>docs/diagnostics.md</c>.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Bitrise.OpenApi.SourceGenerator";
    private static readonly Regex ArgumentIndex = new("\\{([0-9]+)(?=[,:}])", RegexOptions.CultureInvariant);

    private const string HelpLinkBase = "https://github.com/bitrise-codesigning/Bitrise.CodeSigning.Generated/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InvalidDocument = Create(
        "OASG001",
        "The OpenAPI document cannot be read",
        "The document is not valid {0}: {1}. {2} No code is generated for the document.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EmptyDocument = Create(
        "OASG002",
        "The OpenAPI document is empty",
        "The document is empty. Add an OpenAPI 3 or Swagger 2.0 document, or remove OpenApi=\"true\" from the item.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotOpenApi = Create(
        "OASG003",
        "The file is not an OpenAPI document",
        "The document has no top-level 'openapi' or 'swagger' version field, so it is not an OpenAPI document. Add the field, or remove OpenApi=\"true\" from the item.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ExternalReference = Create(
        "OASG004",
        "A reference to a URL is not loaded",
        "The reference '{0}' at '{1}' points at a URL, and the generator fetches no URLs, so the value is typed JsonElement. Save the referenced document as a file of the project and add it as an AdditionalFiles item, or copy the schema into the document's components.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedSchema = Create(
        "OASG005",
        "A schema construct is not supported",
        "The schema at '{0}' uses {1}, which the generator does not support, so it generates {2} instead. Rewrite the schema there if that type is not enough.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedParameter = Create(
        "OASG006",
        "A parameter is not sent",
        "The {0} parameter '{1}' of operation '{2}' is not supported, so the generated method does not send it. Set it through the HttpClient (for example DefaultRequestHeaders) instead.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedRequestBody = Create(
        "OASG007",
        "An operation's request body is not supported",
        "The '{1}' request body of operation '{0}' {2}, so the generator cannot turn it into method parameters and generates no method for the operation. To get a method, {3}.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedResponseBody = Create(
        "OASG008",
        "A multipart response body is not split into parts",
        "The response of operation '{0}' has the media type '{1}', which the generator does not split into parts, so the method returns the raw body as a Stream. If the service can send the response as application/json, declare that media type in place of '{1}' to get a typed result; otherwise read the parts from the Stream with a multipart reader.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NamespaceConflict = Create(
        "OASG009",
        "Two OpenAPI documents generate the same type",
        "'{0}' and '{2}' both generate the type '{3}' in namespace '{1}', so no code is generated for '{0}'. Give each document its own Namespace metadata.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "OASG010",
        "The generator failed on the OpenAPI document",
        "The generator failed on the document with {0}: {1}. No code is generated for the document; please report this with the document attached.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidReference = Create(
        "OASG011",
        "A reference cannot be resolved",
        "The reference '{0}' cannot be resolved: {1}. No code is generated for the document. Point the '$ref' or discriminator mapping value at a node that exists, such as '#/components/schemas/Name'.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedPathParameter = Create(
        "OASG012",
        "An operation's path parameter is not supported",
        "Operation '{0}' has the path parameter '{1}', an array of objects or of arrays, which the generator cannot put into a path, so no method is generated for it. Make the parameter a primitive, an array of primitives or an object.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedParameterStyle = Create(
        "OASG013",
        "A parameter style is not supported",
        "The parameter '{0}' of operation '{1}' uses the '{2}' style, which the generator does not support for the parameter's location and type, so it sends the value in the '{3}' style. If the service accepts that, change the parameter to the '{3}' style so that the document matches the request; otherwise add the parameter to the request yourself, for example in a DelegatingHandler.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RecursiveSchema = Create(
        "OASG014",
        "A recursive schema has no C# type",
        "The schema at '{0}' is recursive through {1}, which has no C# type, so the value is typed JsonElement. Put an object schema with properties into the cycle, as a tree node does whose 'children' is an array of nodes.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedVersion = Create(
        "OASG015",
        "The OpenAPI version is not supported",
        "The document declares {0} '{1}', a version the generator does not support. Convert the document to Swagger 2.0 or OpenAPI 3.0. No code is generated for it.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateMethodName = Create(
        "OASG016",
        "Two operations map to the same method name",
        "The operations {0} and {1} both map to the method name '{2}', so the method of the second is named '{3}'. Give each operation a unique operationId.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ReservedMethodName = Create(
        "OASG030",
        "An operation's method name is a member of the client",
        "The operation {0} maps to the method name '{1}', which the generated client already has, so the method is named '{2}'. Give the operation another operationId.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DifferentSuccessBodies = Create(
        "OASG031",
        "An operation's 2xx responses have different bodies, not all JSON or text",
        "The 2xx responses {1} of operation '{0}' have different bodies, and one of them is neither JSON nor text, so the method returns each of them as a {2}. Give the responses one schema, or split the operation.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateKey = Create(
        "OASG040",
        "A key appears twice in the same mapping",
        "The key '{0}' is already set in this mapping on line {1}. JSON and YAML require unique keys, and the generator uses the later value. Remove or rename one of them.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MultipleYamlDocuments = Create(
        "OASG041",
        "The file holds more than one YAML document",
        "A second YAML document starts here, and the generator reads only the first. Move each document into a file of its own.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ReferencedFileMissing = Create(
        "OASG042",
        "A referenced file is not an AdditionalFiles item",
        "The reference '{0}' points at '{1}', which is not an AdditionalFiles item of the project, and the generator reads no files itself, so {2}. Add <AdditionalFiles Include=\"{1}\" /> to the project.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CircularReference = Create(
        "OASG043",
        "A reference leads back to itself",
        "The reference '{0}' leads back to itself through {1}, so it names no value. No code is generated for the document. Point one reference of the cycle at a node with content.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingResponses = Create(
        "OASG044",
        "An operation has no responses",
        "The operation has no 'responses', which OpenAPI 3.1 allows but NSwag requires, so the generator reads it as returning no body and its method returns Task. Add 'responses' to say what it returns.",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor WebhooksIgnored = Create(
        "OASG045",
        "Webhooks are not generated",
        "The webhooks {0} describe requests that the service sends rather than receives, so the generator generates no client code for them. Handle them in the application that receives them.",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnknownOption = Create(
        "OASG050",
        "An item metadata name is not a generator option",
        "The AdditionalFiles item has the metadata '{0}', which is not an option of the OpenAPI generator, so it has no effect. The options are {1}; correct the name or remove the metadata.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidOptionValue = Create(
        "OASG051",
        "An option has an invalid value",
        "The AdditionalFiles item sets {0}=\"{1}\", which is not a valid value. Set it to {2}.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingPathParameter = Create(
        "OASG017",
        "A path placeholder has no path parameter",
        "The path '{0}' has the placeholder '{{{1}}}', but operation '{2}' and its path item declare no 'in: path' parameter named '{1}', so the method takes it as a string parameter. Declare the parameter with 'in: path' and 'required: true', or fix the placeholder's spelling.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnusedPathParameter = Create(
        "OASG018",
        "A path parameter is not in the path",
        "The path parameter '{0}' of operation '{1}' has no placeholder in the path '{2}', so the method has no parameter for it and sends no value. Add '{{{0}}}' to the path, or remove the parameter.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnusableOperationId = Create(
        "OASG019",
        "An operationId gives no method name",
        "The operationId '{0}' has no letter or digit to name a C# method after, so the method is named '{1}' after the HTTP method and path. Give the operation an operationId with letters, such as 'listPets'.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ConflictingAllOfProperty = Create(
        "OASG032",
        "allOf parts give a property different types",
        "The 'allOf' parts of the schema at '{0}' declare the property '{1}' as {2} and as {3}, so the class keeps {3}, from the later part. Give the property the same type in every part.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor OtherSchemaDialect = Create(
        "OASG046",
        "The document sets another JSON Schema dialect",
        "The document sets 'jsonSchemaDialect' to '{0}', but the generator reads every schema as an OpenAPI schema whatever the dialect, so it may misread keywords that this dialect defines differently. Remove 'jsonSchemaDialect', or write the schemas in the OpenAPI 3.1 dialect.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PathItemsNotGenerated = Create(
        "OASG047",
        "Path items of components are not generated",
        "The path items {0} under 'components/pathItems' are not referenced from 'paths', so the generator generates no methods for them. Reference each from 'paths' with '$ref', or remove it.",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor TypeNameClash = Create(
        "OASG052",
        "An option names a type that clashes with a generated name",
        "The {0} metadata names {1}, which clashes with {2}, so the generated code would not compile. {3} No code is generated for the document.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SystemNamespace = Create(
        "OASG053",
        "The namespace is System or inside it",
        "The namespace '{0}' is 'System' or inside it, where a generated type can take the name of a .NET type that the generated code uses (a schema 'Guid' would become System.Guid), which breaks the code of every document in the project. Set the Namespace metadata to a namespace of your own, such as 'Contoso.Api'. No code is generated for the document.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EnumNamesCountMismatch = Create(
        "OASG055",
        "An enum's member name list does not match its values",
        "'{0}' lists {1} names but 'enum' has {2} values, so the member names are derived from the values. List one name per value, in the order of 'enum'.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidPathTemplate = Create(
        "OASG020",
        "A path is not a valid path template",
        "The path '{0}' {1}, so the request URI cannot be built from it and the generator generates no methods for its operations. {2}.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingRequiredProperty = Create(
        "OASG021",
        "A required property is not declared",
        "The schema at '{1}' lists '{0}' in 'required', but neither its 'properties' nor its 'allOf' parts declare a property '{0}', so the generated class has no member for it and never sends it. Declare the property under 'properties', or correct the name in 'required'.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnfitEnumValue = Create(
        "OASG022",
        "An enum value does not fit the enum's type",
        "The enum value {0} is not {1}, so {2}. Write the value as {1}, or change the schema's 'type'.",
        DiagnosticSeverity.Warning);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new[]
    {
        InvalidDocument, EmptyDocument, NotOpenApi, ExternalReference, UnsupportedSchema, UnsupportedParameter,
        UnsupportedRequestBody, UnsupportedResponseBody, NamespaceConflict, GeneratorFailure, InvalidReference,
        UnsupportedPathParameter, UnsupportedParameterStyle, RecursiveSchema, UnsupportedVersion, DuplicateMethodName,
        ReservedMethodName, DifferentSuccessBodies, UnknownOption, InvalidOptionValue, TypeNameClash,
        DuplicateKey, MultipleYamlDocuments, ReferencedFileMissing, CircularReference, MissingResponses, WebhooksIgnored,
        MissingPathParameter, UnusedPathParameter, UnusableOperationId, ConflictingAllOfProperty, OtherSchemaDialect, PathItemsNotGenerated,
        SystemNamespace, EnumNamesCountMismatch,
        InvalidPathTemplate, MissingRequiredProperty, UnfitEnumValue,
    }.ToDictionary(descriptor => descriptor.Id, StringComparer.Ordinal);

    /// <summary>Returns the descriptor with the id that a <see cref="Model.DiagnosticInfo"/> stores.</summary>
    public static DiagnosticDescriptor Get(string id) => ById[id];

    /// <summary>
    /// Creates a descriptor whose message starts with the file, line, column and JSON pointer of the node, which
    /// <see cref="Emitter.DiagnosticReporter"/> passes as argument 0; <paramref name="messageFormat"/> numbers
    /// its own arguments from 0, and they are shifted by one.
    /// </summary>
    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity) =>
        new(
            id,
            title,
            "{0}: " + ArgumentIndex.Replace(messageFormat, match => "{" + (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)),
            Category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
