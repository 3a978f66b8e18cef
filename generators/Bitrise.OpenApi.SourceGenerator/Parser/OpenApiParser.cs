using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using Newtonsoft.Json;
using NJsonSchema;
using NJsonSchema.Generation;
using NSwag;
using YamlDotNet.Core;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Reads one OpenAPI document (OpenAPI 3 or Swagger 2.0, JSON or YAML) with NSwag and maps it to an
/// <see cref="OpenApiDocumentModel"/>. This is the boundary where exceptions from NSwag and its parsers become
/// diagnostics: nothing but cancellation leaves <see cref="Parse"/>.
/// </summary>
internal static class OpenApiParser
{
    private static readonly Regex JsonVersionField = new("\"(openapi|swagger)\"\\s*:", RegexOptions.CultureInvariant);
    private static readonly Regex SupportedOpenApiVersion = new("^3\\.[0-9]+(\\.[0-9]+)?([-+].*)?$", RegexOptions.CultureInvariant);
    private static readonly Regex SupportedSwaggerVersion = new("^2(\\.0)?$", RegexOptions.CultureInvariant);
    private static readonly Regex YamlVersionField = new("^[ \\t]*[\"']?(openapi|swagger)[\"']?[ \\t]*:", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    public static OpenApiDocumentModel Parse(OpenApiDocumentInput input, CancellationToken cancellationToken)
    {
        var locator = new TextLocator(input.FilePath, input.Text);
        var diagnostics = new DiagnosticBag(locator);
        var schemas = new List<SchemaModel>();
        var operations = new List<OperationModel>();
        string? title = null;

        try
        {
            var document = Load(input, diagnostics, cancellationToken, out var resolver);
            if (document is not null)
            {
                title = document.Info?.Title;
                Map(document, resolver!, input.ClientName, diagnostics, schemas, operations);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            ReportLoadFailure(exception, input, diagnostics);
            schemas.Clear();
            operations.Clear();
        }

        return new OpenApiDocumentModel(
            input.FilePath,
            input.Namespace,
            input.ClientName,
            title,
            schemas.ToSortedEquatableArray(schema => schema.TypeName),
            operations.ToSortedEquatableArray(operation => operation.MethodName),
            diagnostics.ToEquatableArray())
        {
            Options = input.Options,
        };
    }

    private static OpenApiDocument? Load(OpenApiDocumentInput input, DiagnosticBag diagnostics, CancellationToken cancellationToken, out LocalReferenceResolver? resolver)
    {
        resolver = null;
        var text = input.Text;
        if (text.Trim().Length == 0)
        {
            diagnostics.Add(DiagnosticDescriptors.EmptyDocument, diagnostics.Locator.AtStart(), input.FilePath);
            return null;
        }

        var isJson = IsJson(text);
        var versionFields = VersionFieldReader.Read(text, isJson);
        if (versionFields is null)
        {
            // The JSON cannot be parsed, and the load below reports where. A file that is not even meant to be an
            // OpenAPI document gets OASG003 instead, found by a textual search for the version field.
            if (!(isJson ? JsonVersionField : YamlVersionField).IsMatch(text))
            {
                diagnostics.Add(DiagnosticDescriptors.NotOpenApi, diagnostics.Locator.AtStart(), input.FilePath);
                return null;
            }
        }
        else if (!IsSupportedVersion(versionFields, input.FilePath, diagnostics))
        {
            return null;
        }

        LocalReferenceResolver? created = null;
        Func<OpenApiDocument, JsonReferenceResolver> factory = document =>
        {
            created = new LocalReferenceResolver(new OpenApiSchemaResolver(document, new SystemTextJsonSchemaGeneratorSettings()));
            return created;
        };

        // The generator runs synchronously; NSwag's tasks complete without a synchronization context to return to.
        var documentPath = LocalReferenceResolver.DocumentBaseUri + Uri.EscapeDataString(System.IO.Path.GetFileName(input.FilePath));
        var loaded = isJson
            ? OpenApiDocument.FromJsonAsync(text, documentPath, SchemaType.OpenApi3, factory, cancellationToken).GetAwaiter().GetResult()
            : OpenApiYamlDocument.FromYamlAsync(text, documentPath, SchemaType.OpenApi3, factory, cancellationToken).GetAwaiter().GetResult();
        resolver = created ?? new LocalReferenceResolver(new OpenApiSchemaResolver(loaded, new SystemTextJsonSchemaGeneratorSettings()));
        return loaded;
    }

    /// <summary>
    /// Accepts OpenAPI 3.x and Swagger 2.0. Reports OASG003 when the document has no version field, and OASG015
    /// for any other version, including Swagger 1.x, whose field is <c>swaggerVersion</c>.
    /// </summary>
    private static bool IsSupportedVersion(IReadOnlyList<VersionField> fields, string filePath, DiagnosticBag diagnostics)
    {
        var field = fields.FirstOrDefault(candidate => candidate.Name == "openapi")
            ?? fields.FirstOrDefault(candidate => candidate.Name == "swagger")
            ?? fields.FirstOrDefault();
        if (field is null)
        {
            diagnostics.Add(DiagnosticDescriptors.NotOpenApi, diagnostics.Locator.AtStart(), filePath);
            return false;
        }

        var isSupported = field.Name switch
        {
            "openapi" => SupportedOpenApiVersion.IsMatch(field.Value),
            "swagger" => SupportedSwaggerVersion.IsMatch(field.Value),
            _ => false,
        };
        if (!isSupported)
        {
            var location = diagnostics.Locator.AtLineColumn(field.Line, field.Column);
            diagnostics.Add(DiagnosticDescriptors.UnsupportedVersion, location, filePath, field.Name, field.Value, "#/" + field.Name);
        }

        return isSupported;
    }

    private static void Map(OpenApiDocument document, LocalReferenceResolver resolver, string clientName, DiagnosticBag diagnostics, List<SchemaModel> schemas, List<OperationModel> operations)
    {
        var reservedTypeNames = new[]
        {
            clientName, "I" + clientName, clientName + "JsonSerializerContext", "Optional", "OpenApiJson",
            Naming.ExceptionName(clientName),

            // A model's nested converter class, and the members of the serializer context beside the
            // per-model properties, which are named like the models.
            "JsonConverter", "Default", "Options", "GetTypeInfo",
        };
        var schemaMapper = new SchemaMapper(resolver, diagnostics, reservedTypeNames);
        var pointerPrefix = document.SchemaType == SchemaType.Swagger2 ? "#/definitions/" : "#/components/schemas/";
        schemaMapper.RegisterNamedSchemas(document.Components.Schemas, pointerPrefix);

        var operationMapper = new OperationMapper(schemaMapper, diagnostics, clientName);
        operations.AddRange(operationMapper.Map(document));

        var classes = schemaMapper.CompleteClasses();
        var roles = AssignRoles(classes, operationMapper.RequestModels, operationMapper.ResponseModels);
        schemas.AddRange(classes.Select(entry => entry.Schema with { Role = roles[entry.Schema.TypeName] }));
    }

    /// <summary>
    /// A class is a request model when it is reachable from a request body and from no response or parameter.
    /// Every other class, including unused ones, is a response model.
    /// </summary>
    private static Dictionary<string, SchemaRole> AssignRoles(
        IReadOnlyList<(SchemaModel Schema, IReadOnlyCollection<string> ReferencedModels)> classes,
        IEnumerable<string> requestRoots,
        IEnumerable<string> responseRoots)
    {
        var references = classes.ToDictionary(entry => entry.Schema.TypeName, entry => entry.ReferencedModels, StringComparer.Ordinal);
        var fromRequests = Reachable(requestRoots, references);
        var fromResponses = Reachable(responseRoots, references);
        return classes.ToDictionary(
            entry => entry.Schema.TypeName,
            entry => fromRequests.Contains(entry.Schema.TypeName) && !fromResponses.Contains(entry.Schema.TypeName) ? SchemaRole.Request : SchemaRole.Response,
            StringComparer.Ordinal);
    }

    private static HashSet<string> Reachable(IEnumerable<string> roots, Dictionary<string, IReadOnlyCollection<string>> references)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(roots);
        while (stack.Count > 0)
        {
            var name = stack.Pop();
            if (reached.Add(name) && references.TryGetValue(name, out var next))
            {
                foreach (var referenced in next)
                {
                    stack.Push(referenced);
                }
            }
        }

        return reached;
    }

    private static void ReportLoadFailure(Exception exception, OpenApiDocumentInput input, DiagnosticBag diagnostics)
    {
        var locator = diagnostics.Locator;
        var cause = Unwrap(exception);
        switch (cause)
        {
            case YamlException yaml:
                diagnostics.Add(
                    DiagnosticDescriptors.InvalidDocument,
                    locator.AtLineColumn(yaml.Start.Line, yaml.Start.Column),
                    input.FilePath,
                    "YAML",
                    LineColumn(yaml.Start.Line, yaml.Start.Column),
                    MessageText.AsClause(YamlMarks.Replace(yaml.Message, string.Empty)),
                    "Check the indentation, quotes and brackets there.");
                break;
            case JsonReaderException json when IsJson(input.Text):
                diagnostics.Add(
                    DiagnosticDescriptors.InvalidDocument,
                    locator.AtLineColumn(json.LineNumber, json.LinePosition),
                    input.FilePath,
                    "JSON",
                    LineColumn(json.LineNumber, json.LinePosition),
                    WithoutPosition(json.Message),
                    "Check the commas, quotes and brackets there.");
                break;
            case JsonSerializationException json when IsJson(input.Text):
                diagnostics.Add(
                    DiagnosticDescriptors.InvalidDocument,
                    locator.AtLineColumn(json.LineNumber, json.LinePosition),
                    input.FilePath,
                    "OpenAPI",
                    LineColumn(json.LineNumber, json.LinePosition),
                    WithoutPosition(json.Message),
                    StructureHint);
                break;
            case JsonReaderException or JsonSerializationException:
                // NSwag converts YAML to JSON first, so the exception's line is one of that JSON; its path still
                // names the place in the document.
                var path = cause is JsonReaderException reader ? reader.Path : ((JsonSerializationException)cause).Path;
                var pointer = ToPointer(path);
                diagnostics.Add(DiagnosticDescriptors.InvalidDocument, locator.AtPointer(pointer), input.FilePath, "OpenAPI", "'" + pointer + "'", WithoutPosition(cause.Message), StructureHint);
                break;
            case InvalidOperationException or NotSupportedException when cause.Message.IndexOf("resolve", StringComparison.OrdinalIgnoreCase) >= 0:
                var reference = Regex.Match(cause.Message, "'(#[^']*)'");
                var location = reference.Success ? locator.AtText(reference.Groups[1].Value) : locator.AtStart();
                diagnostics.Add(DiagnosticDescriptors.InvalidReference, location, input.FilePath, MessageText.AsClause(cause.Message));
                break;
            default:
                diagnostics.Add(DiagnosticDescriptors.GeneratorFailure, locator.AtStart(), input.FilePath, cause.GetType().Name, MessageText.AsClause(cause.Message));
                break;
        }
    }

    private const string StructureHint = "Make the document match the OpenAPI specification there.";

    /// <summary>The positions that YamlDotNet puts before its message: <c>(Line: 3, Col: 10, Idx: 34) - (Line: 3, Col: 10, Idx: 34): </c>.</summary>
    private static readonly Regex YamlMarks = new("^\\(Line: \\d+, Col: \\d+, Idx: \\d+\\) - \\(Line: \\d+, Col: \\d+, Idx: \\d+\\): ", RegexOptions.CultureInvariant);

    private static string LineColumn(long line, long column) =>
        "line " + line.ToString(CultureInfo.InvariantCulture) + ", column " + column.ToString(CultureInfo.InvariantCulture);

    /// <summary>Removes the position that Json.NET appends (", line 6, position 2."), which the diagnostic gives on its own.</summary>
    private static string WithoutPosition(string message) =>
        MessageText.AsClause(Regex.Replace(message, ", line \\d+, position \\d+\\.$", string.Empty));

    /// <summary>Returns true when the first character after white space and JSON comments (which Json.NET accepts) is <c>{</c>.</summary>
    private static bool IsJson(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            if (char.IsWhiteSpace(text[index]))
            {
                index++;
            }
            else if (string.CompareOrdinal(text, index, "//", 0, 2) == 0)
            {
                var lineEnd = text.IndexOf('\n', index);
                index = lineEnd < 0 ? text.Length : lineEnd + 1;
            }
            else if (string.CompareOrdinal(text, index, "/*", 0, 2) == 0)
            {
                var commentEnd = text.IndexOf("*/", index + 2, StringComparison.Ordinal);
                index = commentEnd < 0 ? text.Length : commentEnd + 2;
            }
            else
            {
                return text[index] == '{';
            }
        }

        return false;
    }

    /// <summary>Converts a Json.NET path such as <c>paths['/users'].get</c> to the JSON pointer <c>#/paths/~1users/get</c>.</summary>
    private static string ToPointer(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "#";
        }

        // A segment is ['quoted key'], [index] or a plain name between dots; exactly one group matches.
        var segments = new List<string>();
        foreach (Match match in Regex.Matches(path, "\\['(?<key>(?:[^']|'')*)'\\]|\\[(?<key>\\d+)\\]|(?<key>[^.\\[\\]]+)"))
        {
            segments.Add(SchemaMapper.EscapePointer(match.Groups["key"].Value));
        }

        return "#/" + string.Join("/", segments);
    }

    /// <summary>Returns the innermost exception that carries a position, or the innermost one.</summary>
    private static Exception Unwrap(Exception exception)
    {
        var current = exception;
        while (true)
        {
            if (current is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                current = aggregate.InnerExceptions[0];
                continue;
            }

            // YamlDotNet's deserializer wraps the parser's exception in one whose message is only "Exception during
            // deserialization", so the innermost YamlException carries the reason.
            if (current is YamlException && current.InnerException is YamlException)
            {
                current = current.InnerException;
                continue;
            }

            if (current is YamlException or JsonReaderException || current.InnerException is null)
            {
                return current;
            }

            if (current is JsonSerializationException && current.InnerException is not (YamlException or JsonReaderException))
            {
                return current;
            }

            current = current.InnerException;
        }
    }
}
