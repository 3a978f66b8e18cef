using System.Linq;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Checks the kind of the fields that NSwag 14.8 silently skips when they have the wrong kind, such as
/// <c>paths: 5</c> or <c>parameters: {}</c>, so that such a document is reported instead of yielding an empty client.
/// </summary>
internal static class StructureValidator
{
    public const string Hint = "Make the document match the OpenAPI specification there.";

    /// <summary>The keys of a path item whose values are operations.</summary>
    public static readonly string[] OperationKeys = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>Reports the first field of the wrong kind; returns false when there is one.</summary>
    public static bool Validate(SourceNode root, DiagnosticBag diagnostics)
    {
        foreach (var key in new[] { "info", "paths", "components", "definitions", "parameters", "responses" })
        {
            if (!Expect(root, key, SourceNodeKind.Mapping, diagnostics))
            {
                return false;
            }
        }

        if (root.Get("paths") is not { IsMapping: true } paths)
        {
            return true;
        }

        foreach (var pathItem in paths.Members.Where(member => !member.Key.StartsWith("x-", System.StringComparison.Ordinal)))
        {
            if (!Expect(paths, pathItem.Key, SourceNodeKind.Mapping, diagnostics) || !Expect(pathItem.Value, "parameters", SourceNodeKind.Sequence, diagnostics))
            {
                return false;
            }

            foreach (var operation in pathItem.Value.Members.Where(member => OperationKeys.Contains(member.Key)))
            {
                var isValid = Expect(pathItem.Value, operation.Key, SourceNodeKind.Mapping, diagnostics)
                    && Expect(operation.Value, "parameters", SourceNodeKind.Sequence, diagnostics)
                    && Expect(operation.Value, "responses", SourceNodeKind.Mapping, diagnostics)
                    && Expect(operation.Value, "requestBody", SourceNodeKind.Mapping, diagnostics);
                if (!isValid)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Returns true when the field is missing or of the expected kind, and reports it otherwise.</summary>
    private static bool Expect(SourceNode parent, string key, SourceNodeKind expected, DiagnosticBag diagnostics)
    {
        var member = parent.Members.LastOrDefault(candidate => candidate.Key == key);
        if (member is null || member.Value.Kind == expected)
        {
            return true;
        }

        var reason = "'" + key + "' is " + Describe(member.Value.Kind) + ", but OpenAPI requires " + Describe(expected);
        diagnostics.AddAtNode(DiagnosticDescriptors.InvalidDocument, member.Value, member, "OpenAPI", reason, Hint);
        return false;
    }

    private static string Describe(SourceNodeKind kind) => kind switch
    {
        SourceNodeKind.Mapping => "a mapping",
        SourceNodeKind.Sequence => "a sequence",
        SourceNodeKind.String => "a string",
        SourceNodeKind.Number => "a number",
        SourceNodeKind.Boolean => "a boolean",
        _ => "null",
    };
}
