using System;
using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Decides, once every class has its role, which classes derive from their base. A class whose schema named a
/// base keeps only its own properties when the base is a class in the same role and every inherited property
/// has the same name, type and requiredness in both; otherwise it keeps all merged properties and no base.
/// </summary>
internal static class InheritanceResolver
{
    /// <summary>Returns the schemas in the same order, each with its base resolved or dropped.</summary>
    public static List<SchemaModel> Resolve(IReadOnlyList<SchemaModel> schemas)
    {
        var byName = schemas.ToDictionary(schema => schema.TypeName, StringComparer.Ordinal);
        var resolved = new Dictionary<string, SchemaModel>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            ResolveOne(schema.TypeName, byName, resolved, new HashSet<string>(StringComparer.Ordinal));
        }

        var bases = new HashSet<string>(resolved.Values.Select(schema => schema.BaseTypeName).OfType<string>(), StringComparer.Ordinal);
        return schemas
            .Select(schema => resolved[schema.TypeName])
            .Select(schema => bases.Contains(schema.TypeName) ? schema with { IsBase = true } : schema)
            .ToList();
    }

    private static SchemaModel ResolveOne(string name, Dictionary<string, SchemaModel> byName, Dictionary<string, SchemaModel> resolved, HashSet<string> inProgress)
    {
        if (resolved.TryGetValue(name, out var done))
        {
            return done;
        }

        var schema = byName[name];
        var result = schema with { BaseTypeName = null };
        if (schema.BaseTypeName is { } baseName && byName.ContainsKey(baseName) && inProgress.Add(name))
        {
            var baseSchema = ResolveOne(baseName, byName, resolved, inProgress);
            inProgress.Remove(name);
            if (CanDerive(schema, baseSchema, out var own))
            {
                result = schema with { Properties = own, InheritedProperties = baseSchema.AllProperties };
            }
        }

        resolved[name] = result;
        return result;
    }

    /// <summary>
    /// True when the merged properties of <paramref name="derived"/> contain every property of the base
    /// unchanged; <paramref name="own"/> returns the others. A property that the derived schema redeclares
    /// or makes required, a different role, or a member name taken twice keeps the merged class.
    /// </summary>
    private static bool CanDerive(SchemaModel derived, SchemaModel baseSchema, out EquatableArray<PropertyModel> own)
    {
        own = default;
        if (baseSchema.Kind != SchemaKind.Object
            || baseSchema.Role != derived.Role
            || baseSchema.AdditionalProperties is not null
            || derived.AdditionalProperties is not null)
        {
            return false;
        }

        var inherited = baseSchema.AllProperties;
        var merged = derived.Properties.ToDictionary(property => property.JsonName, StringComparer.Ordinal);
        if (inherited.Any(property => !merged.TryGetValue(property.JsonName, out var same) || !same.Equals(property)))
        {
            return false;
        }

        var inheritedJsonNames = new HashSet<string>(inherited.Select(property => property.JsonName), StringComparer.Ordinal);
        var inheritedMembers = new HashSet<string>(inherited.Select(property => property.Name), StringComparer.Ordinal);
        var ownProperties = derived.Properties.Where(property => !inheritedJsonNames.Contains(property.JsonName)).ToList();
        if (ownProperties.Any(property => inheritedMembers.Contains(property.Name)))
        {
            return false;
        }

        own = ownProperties.ToEquatableArray();
        return true;
    }
}
