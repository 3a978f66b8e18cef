using System.Globalization;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Runs the generator over one-operation documents whose parameters, bodies or responses the client cannot
/// handle as written, and checks the single diagnostic, its message, and that the output still compiles.
/// </summary>
public sealed class OperationDiagnosticsTests
{
    /// <summary>The operation's YAML (under <c>paths</c>), the expected id, and a part of the expected message.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "/a: { get: { operationId: op, parameters: [ { name: Authorization, in: header, schema: { type: string } } ], responses: { '204': { description: x } } } }",
            "OASG006",
            "The header parameter 'Authorization' of operation 'op' is not supported"
        },
        {
            "/a: { get: { operationId: op, parameters: [ { name: q, in: query, schema: { type: array, items: { type: object, properties: { a: { type: string } } } } } ], responses: { '204': { description: x } } } }",
            "OASG006",
            "The array-of-objects query parameter 'q' of operation 'op'"
        },
        {
            "/a: { post: { operationId: op, requestBody: { content: { multipart/form-data: { schema: { type: object } } } }, responses: { '204': { description: x } } } }",
            "OASG007",
            "The 'multipart/form-data' request body of operation 'op' lists no fields under 'properties' of its schema, so the generator cannot turn it into method parameters and generates no method for the operation. To get a method, list each form field under 'properties' of the body's schema."
        },
        {
            "/a: { post: { operationId: op, requestBody: { content: { application/x-www-form-urlencoded: { schema: { type: object, properties: { f: { type: string, format: binary } } } } } }, responses: { '204': { description: x } } } }",
            "OASG007",
            "The 'application/x-www-form-urlencoded' request body of operation 'op' has the file field 'f' (format: binary), which this media type cannot carry, so the generator cannot turn it into method parameters and generates no method for the operation. To get a method, send the body as multipart/form-data, or remove 'format: binary' from the field 'f'."
        },
        {
            "/a: { get: { operationId: op, responses: { '200': { description: x, content: { multipart/mixed: { schema: { type: string } } } } } } }",
            "OASG008",
            "of operation 'op' has the media type 'multipart/mixed', which the generator does not split into parts, so the method returns the raw body as a Stream. If the service can send the response as application/json, declare that media type in place of 'multipart/mixed' to get a typed result; otherwise read the parts from the Stream with a multipart reader."
        },
        {
            "/a/{p}: { get: { operationId: op, parameters: [ { name: p, in: path, required: true, schema: { type: array, items: { type: array, items: { type: string } } } } ], responses: { '204': { description: x } } } }",
            "OASG012",
            "Operation 'op' has the path parameter 'p', an array of objects or of arrays"
        },
        {
            "/a: { get: { operationId: op, parameters: [ { name: q, in: query, style: matrix, schema: { type: string } } ], responses: { '204': { description: x } } } }",
            "OASG013",
            "uses the 'matrix' style, which the generator does not support for the parameter's location and type, so it sends the value in the 'form' style. If the service accepts that, change the parameter to the 'form' style so that the document matches the request; otherwise add the parameter to the request yourself, for example in a DelegatingHandler."
        },
        {
            "/a: { get: { operationId: op, parameters: [ { name: q, in: query, style: deepObject, schema: { type: string } } ], responses: { '204': { description: x } } } }",
            "OASG013",
            "uses the 'deepObject' style"
        },
        {
            "/a: { get: { operationId: op, parameters: [ { name: h, in: header, style: form, schema: { type: string } } ], responses: { '204': { description: x } } } }",
            "OASG013",
            "uses the 'form' style, which the generator does not support for the parameter's location and type, so it sends the value in the 'simple' style. If the service accepts that, change the parameter to the 'simple' style"
        },
        {
            "/a: { get: { operationId: read-json, responses: { '204': { description: x } } } }",
            "OASG030",
            "maps to the method name 'ReadJsonAsync', which the generated client already has, so the method is named 'ReadJson2Async'"
        },
        {
            "/a: { get: { operationId: op, responses: { '200': { description: x, content: { application/json: { schema: { type: string } } } }, '201': { description: y, content: { application/octet-stream: { schema: { type: string, format: binary } } } } } } }",
            "OASG031",
            "The 2xx responses 200, 201 of operation 'op' have different bodies, and one of them is neither JSON nor text, so the method returns each of them as a Stream"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void UnsupportedPart_IsReportedAndCompiles(string pathYaml, string expectedId, string expectedMessagePart)
    {
        var document = "openapi: 3.0.3\ninfo: { title: Diagnostics, version: '1' }\npaths:\n  " + pathYaml + "\n";

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/operation.yaml", document));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal(expectedId, diagnostic.Id);
        Assert.Contains(expectedMessagePart, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(item => item.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void SwaggerTsvCollection_IsReported()
    {
        const string Document = """
            swagger: "2.0"
            info: { title: Tsv, version: "1" }
            paths:
              /a:
                get:
                  operationId: op
                  parameters:
                    - { name: q, in: query, type: array, items: { type: string }, collectionFormat: tsv }
                  responses:
                    "204": { description: x }
            """;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/tsv.json", Document));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("OASG013", diagnostic.Id);
        Assert.Contains("uses the 'collectionFormat tsv' style", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("get")]
    [InlineData("delete")]
    [InlineData("post")]
    public void ClosedEmptyFormBody_GetsMethodWithoutBody(string method)
    {
        var document = "openapi: 3.0.3\ninfo: { title: Forms, version: '1' }\npaths:\n  /a: { " + method + ": { operationId: op, requestBody: { content: { application/x-www-form-urlencoded: { schema: { type: object, properties: {}, additionalProperties: false } } } }, responses: { '204': { description: x } } } }\n";

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/forms.yaml", document, "Contoso.Forms", "FormsClient"));

        Assert.Empty(output.GeneratorDiagnostics);
        var client = output.Compilation.GetTypeByMetadataName("Contoso.Forms.FormsClient");
        Assert.NotNull(client);
        var operation = Assert.Single(client.GetMembers("OpAsync").OfType<IMethodSymbol>());
        Assert.Equal(["cancellationToken"], operation.Parameters.Select(parameter => parameter.Name));
    }

    [Fact]
    public void OpenEmptyFormBody_IsReported()
    {
        const string Document = "openapi: 3.0.3\ninfo: { title: Forms, version: '1' }\npaths:\n  /a: { post: { operationId: op, requestBody: { content: { application/x-www-form-urlencoded: { schema: { type: object, properties: {} } } } }, responses: { '204': { description: x } } } }\n";

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/forms.yaml", Document));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("OASG007", diagnostic.Id);
    }

    [Theory]
    [InlineData("        - { name: a, in: query, schema: { type: string } }\n        - { name: b, in: query, style: matrix, schema: { type: string } }\n", "#/paths/~1a/get/parameters/1", 8)]
    [InlineData("        - { name: b, in: query, style: matrix, schema: { type: string } }\n", "#/paths/~1a/get/parameters/0", 7)]
    public void ParameterDiagnostic_PointsAtItsEntry(string parameters, string expectedPointer, int expectedLine)
    {
        var document = "openapi: 3.0.3\ninfo: { title: Pointers, version: '1' }\npaths:\n  /a:\n    get:\n      parameters:\n" + parameters + "      responses: { '204': { description: x } }\n";

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/pointers.yaml", document));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("OASG013", diagnostic.Id);
        Assert.Contains("at '" + expectedPointer + "'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(expectedLine - 1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }
}
