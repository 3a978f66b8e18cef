using System;
using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Checks the namespace and the type names that the item metadata sets (the client, its interface, the exception
/// and the serializer context) before any source is added. Schema names avoid these names on their own, because the schema mapper
/// reserves them and numbers a schema that would take one.
/// </summary>
internal static class TypeNameChecker
{
    /// <summary>The types that the first document of each namespace emits for all of them.</summary>
    public static readonly string[] SharedTypeNames = ["Optional", "OpenApiJson"];

    /// <summary>
    /// The members that the serializer context declares beside one property per model, which are named like the
    /// models. A context named like one of them would not compile (CS0542).
    /// </summary>
    public static readonly string[] SerializerContextMemberNames = ["Default", "Options", "GetTypeInfo"];

    /// <summary>
    /// The members of <see cref="object"/>, which every generated type inherits. A property named like one of them
    /// hides it (CS0108), so neither model properties nor the serializer context's per-model properties take them.
    /// </summary>
    public static readonly string[] ObjectMemberNames = ["Equals", "Finalize", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString"];

    /// <summary>
    /// Reports OASG053 for a namespace that is <c>System</c> or inside it, and OASG052 for the first type name
    /// from the item metadata that clashes. Either makes the document an error document with no code. Type names are compared ignoring case, because the generated file names are
    /// made from them and the compiler requires file names that differ in more than case.
    /// </summary>
    public static void Check(OpenApiDocumentInput input, DiagnosticBag diagnostics)
    {
        // The generated code names .NET types as global::System..., which a generated type in System could take.
        if (input.Namespace == "System" || input.Namespace.StartsWith("System.", StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticDescriptors.SystemNamespace, diagnostics.Locator.AtStart(), input.Namespace);
        }

        if (FindClash(input) is { } clash)
        {
            diagnostics.Add(DiagnosticDescriptors.TypeNameClash, diagnostics.Locator.AtStart(), clash.Option, clash.Type, clash.Other, clash.Fix);
        }
    }

    private static (string Option, string Type, string Other, string Fix)? FindClash(OpenApiDocumentInput input)
    {
        var clientName = input.ClientName;
        var clientFix = "Set ClientName to another name, such as '" + clientName + "Client'.";
        var usedTypeNames = SharedTypeNames.Select(name => (TypeName: name, Description: "the type '" + name + "' that the generator emits in every namespace")).ToList();

        var clientTypes = new[]
        {
            (TypeName: clientName, Description: "the generated client '" + clientName + "'"),
            (TypeName: Naming.InterfaceName(clientName), Description: "the generated interface '" + Naming.InterfaceName(clientName) + "'"),
            (TypeName: Naming.ExceptionName(clientName), Description: "the generated exception '" + Naming.ExceptionName(clientName) + "'"),
        };
        foreach (var type in clientTypes)
        {
            if (Find(usedTypeNames, type.TypeName) is { } other)
            {
                return ("ClientName", type.Description, other, clientFix);
            }

            usedTypeNames.Add(type);
        }

        if (Array.IndexOf(OperationMapper.ReservedMethodNames, clientName) >= 0)
        {
            return ("ClientName", clientTypes[0].Description, "a member of the same name that the client declares or inherits", clientFix);
        }

        if (input.Options.SerializerContextName is not { } contextName)
        {
            return null;
        }

        var context = "the serializer context '" + contextName + "'";
        var contextFix = "Set SerializerContextName to another name, or remove it to get '" + Naming.SerializerContextName(clientName, null) + "'.";
        if (Find(usedTypeNames, contextName) is { } clash)
        {
            return ("SerializerContextName", context, clash, contextFix);
        }

        if (Array.IndexOf(SerializerContextMemberNames, contextName) >= 0)
        {
            return ("SerializerContextName", context, "a member of the same name that the context declares", contextFix);
        }

        return null;
    }

    private static string? Find(List<(string TypeName, string Description)> usedTypeNames, string typeName) =>
        usedTypeNames.Where(entry => string.Equals(entry.TypeName, typeName, StringComparison.OrdinalIgnoreCase)).Select(entry => entry.Description).FirstOrDefault();
}
