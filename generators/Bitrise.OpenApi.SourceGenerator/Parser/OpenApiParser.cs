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

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Reads one OpenAPI document (OpenAPI 3 or Swagger 2.0, JSON or YAML) with NSwag and maps it to an
/// <see cref="OpenApiDocumentModel"/>. This is the boundary where exceptions from NSwag and its parsers become
/// diagnostics: nothing but cancellation leaves <see cref="Parse"/>.
/// </summary>
internal static class OpenApiParser
{
    private static readonly Regex SupportedOpenApiVersion = new("^3\\.[0-9]+(\\.[0-9]+)?([-+].*)?$", RegexOptions.CultureInvariant);
    private static readonly Regex SupportedSwaggerVersion = new("^2(\\.0)?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Returns the URL that the client's base address stands for. A Swagger 2.0 <c>basePath</c> is part of it,
    /// as the path of an OpenAPI 3 server URL is, because the generated paths start after it.
    /// </summary>
    private static string? ServerUrl(OpenApiDocument document)
    {
        if (document.SchemaType != SchemaType.Swagger2)
        {
            var url = document.Servers?.FirstOrDefault()?.Url;
            return string.IsNullOrWhiteSpace(url) ? null : url;
        }

        var basePath = document.BasePath ?? string.Empty;
        if (string.IsNullOrWhiteSpace(document.Host))
        {
            return string.IsNullOrWhiteSpace(basePath) ? null : basePath;
        }

        // Swagger 2.0 defaults to the scheme the document was fetched with, and a file has none, so https is assumed.
        var schemes = document.Schemes ?? new List<OpenApiSchema>();
        var scheme = schemes.Count == 0 || schemes.Contains(OpenApiSchema.Https) ? "https" : schemes.First().ToString().ToLowerInvariant();
        return scheme + "://" + document.Host + basePath;
    }

    public static OpenApiDocumentModel Parse(OpenApiDocumentInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag(input.FilePath, input.Text);
        TypeNameChecker.Check(input, diagnostics);
        var schemas = new List<SchemaModel>();
        var operations = new List<OperationModel>();
        string? title = null;
        string? serverUrl = null;

        try
        {
            var document = Load(input, diagnostics, cancellationToken, out var resolver);
            if (document is not null)
            {
                title = document.Info?.Title;
                serverUrl = ServerUrl(document);
                Map(document, resolver!, input, diagnostics, schemas, operations);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            ReportLoadFailure(exception, diagnostics);
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
            ServerUrl = serverUrl,
        };
    }

    /// <summary>
    /// Reads the text into a tree with positions, checks the version, resolves references and normalises what
    /// NSwag cannot load, then hands NSwag the tree as JSON. Returns null when a reported problem leaves no
    /// document to map.
    /// </summary>
    private static OpenApiDocument? Load(OpenApiDocumentInput input, DiagnosticBag diagnostics, CancellationToken cancellationToken, out LocalReferenceResolver? resolver)
    {
        resolver = null;
        var reported = diagnostics.Count;
        var root = SourceReader.Read(input.FilePath, input.Text, diagnostics);
        if (root is null)
        {
            // A file of white space, comments or a bare '---' contains no document, and nothing was reported yet.
            if (diagnostics.Count == reported)
            {
                diagnostics.Add(DiagnosticDescriptors.EmptyDocument, diagnostics.Locator.AtStart());
            }

            return null;
        }

        if (!root.IsMapping)
        {
            diagnostics.Add(DiagnosticDescriptors.NotOpenApi, diagnostics.Locator.RestOfLine(root.Start, "#"));
            return null;
        }

        if (!IsSupportedVersion(root, diagnostics) || !StructureValidator.Validate(root, diagnostics) || !ReferenceBundler.Bundle(input, root, diagnostics))
        {
            return null;
        }

        if (!DocumentNormalizer.Normalize(root, diagnostics))
        {
            return null;
        }

        diagnostics.UseTree(root);
        var json = SourceJsonWriter.Write(root);

        LocalReferenceResolver? created = null;
        Func<OpenApiDocument, JsonReferenceResolver> factory = document =>
        {
            created = new LocalReferenceResolver(new OpenApiSchemaResolver(document, new SystemTextJsonSchemaGeneratorSettings()));
            return created;
        };

        // The generator runs synchronously; NSwag's tasks complete without a synchronization context to return to.
        var documentPath = LocalReferenceResolver.DocumentBaseUri + Uri.EscapeDataString(System.IO.Path.GetFileName(input.FilePath));
        var loaded = OpenApiDocument.FromJsonAsync(json, documentPath, SchemaType.OpenApi3, factory, cancellationToken).GetAwaiter().GetResult();
        resolver = created ?? new LocalReferenceResolver(new OpenApiSchemaResolver(loaded, new SystemTextJsonSchemaGeneratorSettings()));
        return loaded;
    }

    /// <summary>
    /// Accepts OpenAPI 3.x and Swagger 2.0. Reports OASG003 when the document has no version field, and OASG015
    /// for any other version, including Swagger 1.x, whose field is <c>swaggerVersion</c>.
    /// </summary>
    private static bool IsSupportedVersion(SourceNode root, DiagnosticBag diagnostics)
    {
        var fields = VersionFieldReader.Read(root);
        var field = fields.FirstOrDefault(candidate => candidate.Name == "openapi")
            ?? fields.FirstOrDefault(candidate => candidate.Name == "swagger")
            ?? fields.FirstOrDefault();
        if (field is null)
        {
            diagnostics.Add(DiagnosticDescriptors.NotOpenApi, diagnostics.Locator.AtStart());
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
            diagnostics.AddAtNode(DiagnosticDescriptors.UnsupportedVersion, field.Member.Value, field.Member, field.Name, field.Value);
        }

        return isSupported;
    }

    private static void Map(OpenApiDocument document, LocalReferenceResolver resolver, OpenApiDocumentInput input, DiagnosticBag diagnostics, List<SchemaModel> schemas, List<OperationModel> operations)
    {
        var clientName = input.ClientName;
        var reservedTypeNames = new[]
            {
                clientName, Naming.InterfaceName(clientName), Naming.ExceptionName(clientName),
                Naming.SerializerContextName(clientName, input.Options.SerializerContextName),

                // A model's nested converter class.
                "JsonConverter",
            }
            .Concat(TypeNameChecker.SharedTypeNames)

            // The members of the serializer context beside the per-model properties, which are named like the models.
            .Concat(TypeNameChecker.SerializerContextMemberNames)
            .Concat(TypeNameChecker.ObjectMemberNames);
        var schemaMapper = new SchemaMapper(resolver, diagnostics, reservedTypeNames);
        var pointerPrefix = document.SchemaType == SchemaType.Swagger2 ? "#/definitions/" : "#/components/schemas/";
        schemaMapper.RegisterNamedSchemas(document.Components.Schemas, pointerPrefix);

        var operationMapper = new OperationMapper(schemaMapper, diagnostics, clientName);
        operations.AddRange(operationMapper.Map(document));

        var classes = schemaMapper.CompleteClasses();
        var roles = AssignRoles(classes, operationMapper.RequestModels, operationMapper.ResponseModels);
        schemas.AddRange(InheritanceResolver.Resolve(classes.Select(entry => entry.Schema with { Role = roles[entry.Schema.TypeName] }).ToList()));
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

    private static void ReportLoadFailure(Exception exception, DiagnosticBag diagnostics)
    {
        var cause = Unwrap(exception);
        switch (cause)
        {
            case DocumentTooLargeException tooLarge:
                diagnostics.AddAtNode(
                    DiagnosticDescriptors.InvalidDocument,
                    tooLarge.Node,
                    null,
                    "YAML",
                    "its aliases expand to more than " + SourceJsonWriter.MaxNodes.ToString(CultureInfo.InvariantCulture) + " nodes",
                    "Replace the aliases that repeat large nodes with '$ref' to named schemas.");
                break;
            case JsonReaderException or JsonSerializationException:
                // NSwag reads the JSON that the parser wrote from the tree, so the exception's path is a pointer
                // into that tree, and its line and column are meaningless to the user.
                var path = cause is JsonReaderException reader ? reader.Path : ((JsonSerializationException)cause).Path;
                diagnostics.AddAtPointer(DiagnosticDescriptors.InvalidDocument, ToPointer(path), "OpenAPI", MessageText.FromJsonException(cause.Message), StructureValidator.Hint);
                break;
            case InvalidOperationException or NotSupportedException when cause.Message.IndexOf("resolve", StringComparison.OrdinalIgnoreCase) >= 0:
                var reference = Regex.Match(cause.Message, "'(#[^']*)'");
                diagnostics.AddAtPointer(DiagnosticDescriptors.InvalidReference, "#", reference.Success ? reference.Groups[1].Value : string.Empty, MessageText.AsClause(cause.Message));
                break;
            default:
                diagnostics.Add(DiagnosticDescriptors.GeneratorFailure, diagnostics.Locator.AtStart(), cause.GetType().Name, MessageText.AsClause(cause.Message));
                break;
        }
    }

    /// <summary>Converts a Json.NET path such as <c>paths['/users'].get</c> to the JSON pointer <c>#/paths/~1users/get</c>.</summary>
    private static string ToPointer(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "#";
        }

        // A segment is ['quoted key'], [index] or a plain name between dots; exactly one group matches.
        var pointer = "#";
        foreach (Match match in Regex.Matches(path, "\\['(?<key>(?:[^']|'')*)'\\]|\\[(?<key>\\d+)\\]|(?<key>[^.\\[\\]]+)"))
        {
            pointer = SourceNode.ChildPointer(pointer, match.Groups["key"].Value);
        }

        return pointer;
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

            if (current is JsonReaderException || current.InnerException is null)
            {
                return current;
            }

            if (current is JsonSerializationException && current.InnerException is not JsonReaderException)
            {
                return current;
            }

            current = current.InnerException;
        }
    }
}
