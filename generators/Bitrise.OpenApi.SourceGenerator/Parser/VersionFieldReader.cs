using System;
using System.Collections.Generic;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>A top-level version field: its name, its value as written, and the member that contains it.</summary>
internal sealed record VersionField(string Name, string Value, SourceMember Member);

/// <summary>
/// Reads the top-level <c>openapi</c>, <c>swagger</c> and <c>swaggerVersion</c> (Swagger 1.x) fields before NSwag
/// loads the document. NSwag reads some unsupported versions without complaint and rejects others with an
/// unrelated error, so the parser checks the version first.
/// </summary>
internal static class VersionFieldReader
{
    private static readonly HashSet<string> FieldNames = new(StringComparer.Ordinal) { "openapi", "swagger", "swaggerVersion" };

    /// <summary>Returns the version fields of the root mapping in document order.</summary>
    public static IReadOnlyList<VersionField> Read(SourceNode root)
    {
        var fields = new List<VersionField>();
        foreach (var member in root.Members)
        {
            if (FieldNames.Contains(member.Key) && member.Value.Scalar is { } value)
            {
                fields.Add(new VersionField(member.Key, value, member));
            }
        }

        return fields;
    }
}
