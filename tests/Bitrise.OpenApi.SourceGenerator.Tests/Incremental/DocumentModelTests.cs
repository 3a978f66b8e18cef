using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using Bitrise.OpenApi.SourceGenerator.Parser;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

namespace Bitrise.OpenApi.SourceGenerator.Tests.Incremental;

public sealed class DocumentModelTests
{
    private const string OrderedDocument = """
        openapi: 3.0.3
        info: { title: Order, version: "1" }
        paths:
          /a:
            get:
              operationId: a-get
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Alpha" }
          /b:
            get:
              operationId: b-get
              responses:
                "204": { description: No content }
        components:
          schemas:
            Alpha:
              type: object
              properties:
                first: { type: string }
                second: { type: integer }
            Beta:
              type: object
              properties:
                x: { type: boolean }
        """;

    private const string ReorderedDocument = """
        openapi: 3.0.3
        info: { title: Order, version: "1" }
        paths:
          /b:
            get:
              operationId: b-get
              responses:
                "204": { description: No content }
          /a:
            get:
              operationId: a-get
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Alpha" }
        components:
          schemas:
            Beta:
              type: object
              properties:
                x: { type: boolean }
            Alpha:
              type: object
              properties:
                second: { type: integer }
                first: { type: string }
        """;

    [Fact]
    public void EqualInputs_GiveEqualModels()
    {
        var document = TestDocuments.Local("shapes.yaml");
        var input = new OpenApiDocumentInput(document.Path, document.Text, "Contoso.Api", "ContosoClient");

        var first = OpenApiParser.Parse(input, TestContext.Current.CancellationToken);
        var second = OpenApiParser.Parse(input with { Text = new string(document.Text.ToCharArray()) }, TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void KeyOrder_DoesNotChangeSchemasOrOperations()
    {
        var ordered = OpenApiParser.Parse(new OpenApiDocumentInput("order.yaml", OrderedDocument, "Order", "OrderClient"), TestContext.Current.CancellationToken);
        var reordered = OpenApiParser.Parse(new OpenApiDocumentInput("order.yaml", ReorderedDocument, "Order", "OrderClient"), TestContext.Current.CancellationToken);

        Assert.Empty(ordered.Diagnostics);
        Assert.Equal(ordered.Schemas, reordered.Schemas);
        Assert.Equal(ordered.Operations, reordered.Operations);
    }

    [Fact]
    public void Model_HoldsOnlyEquatableValues()
    {
        var violations = new List<string>();

        Inspect(typeof(OpenApiDocumentModel), new HashSet<Type>(), violations);

        Assert.Empty(violations);
    }

    /// <summary>Walks every instance field of the model graph and records types other than primitives, strings, enums, model records and EquatableArray.</summary>
    private static void Inspect(Type type, HashSet<Type> visited, List<string> violations)
    {
        if (!visited.Add(type))
        {
            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            var fieldType = Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType;
            if (fieldType.IsPrimitive || fieldType == typeof(string) || fieldType.IsEnum)
            {
                continue;
            }

            if (fieldType.IsGenericType && fieldType.GetGenericTypeDefinition() == typeof(EquatableArray<>))
            {
                Inspect(fieldType.GetGenericArguments()[0], visited, violations);
                continue;
            }

            if (fieldType.Namespace == typeof(OpenApiDocumentModel).Namespace && IsRecord(fieldType))
            {
                Inspect(fieldType, visited, violations);
                continue;
            }

            if (fieldType == typeof(Type) && field.Name == "EqualityContract")
            {
                continue;
            }

            violations.Add($"{type.Name}.{field.Name}: {fieldType.FullName}");
        }
    }

    private static bool IsRecord(Type type) =>
        type.IsSealed && type.GetMethod("<Clone>$") is not null;
}
