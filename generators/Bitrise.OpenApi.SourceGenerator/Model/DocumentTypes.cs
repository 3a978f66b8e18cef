using System;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;

namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>
/// The names of the types that one document generates. The emitter of each document reads this list for the
/// documents of its namespace, to find type name clashes and the document that emits the shared types. An
/// edit that keeps the names keeps the list equal, so the other documents' outputs stay cached.
/// </summary>
/// <param name="TypeNames">The client, its interface, the exception, the serializer context, the models and the result types, sorted.</param>
internal sealed record DocumentTypes(string FilePath, string Namespace, TypeAccessibility Accessibility, EquatableArray<string> TypeNames)
{
    public static DocumentTypes From(OpenApiDocumentModel document) =>
        new(
            document.FilePath,
            document.Namespace,
            document.Accessibility,
            new[] { document.ClientName, document.InterfaceName, document.ExceptionName, document.SerializerContextName }
                .Concat(document.Schemas.Select(schema => schema.TypeName))
                .Concat(document.Operations.Where(operation => operation.ResultType is not null).Select(operation => operation.ResultType!.TypeName))
                .Distinct(StringComparer.Ordinal)
                .ToSortedEquatableArray(name => name));
}
