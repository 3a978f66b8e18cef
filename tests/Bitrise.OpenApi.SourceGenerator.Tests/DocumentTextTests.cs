using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Generates from a document whose titles, descriptions, names and enum values contain characters that XML 1.0 does
/// not allow or that end an XML element, and checks that the generated code compiles with warnings as errors.
/// </summary>
public sealed class DocumentTextTests
{
    /// <summary>Text that breaks an XML doc comment unless it is escaped or dropped.</summary>
    private const string Hostile = @"a\u0000b\u0001c\u000bd\u000ce\ufffef\ud800g]]>h</summary><!--i-->&j\u001f";

    private static readonly string Document = $$"""
        {
          "openapi": "3.0.3",
          "info": { "title": "Title {{Hostile}}", "version": "1" },
          "paths": {
            "/things/{id}": {
              "post": {
                "operationId": "thing-update",
                "summary": "Summary {{Hostile}}",
                "description": "Description {{Hostile}}",
                "parameters": [
                  { "name": "id", "in": "path", "required": true, "description": "Parameter {{Hostile}}", "schema": { "type": "string" } },
                  { "name": "q{{Hostile}}", "in": "query", "schema": { "type": "string" } }
                ],
                "requestBody": {
                  "description": "Body {{Hostile}}",
                  "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } }
                },
                "responses": {
                  "200": { "description": "Response {{Hostile}}", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Thing": {
                "type": "object",
                "description": "Schema {{Hostile}}",
                "properties": {
                  "name": { "type": "string", "description": "Property {{Hostile}}" },
                  "p{{Hostile}}": { "type": "string" },
                  "state": { "$ref": "#/components/schemas/State" }
                }
              },
              "State": {
                "type": "string",
                "description": "Enum {{Hostile}}",
                "enum": [ "{{Hostile}}", "]]>", "</summary>", "\u0000" ]
              }
            }
          }
        }
        """;

    [Fact]
    public void HostileText_CompilesWithWarningsAsErrors()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/text.json", Document));
        var strict = output.Compilation.WithOptions(output.Compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.NotEmpty(output.Result.GeneratedSources);
        Assert.Empty(strict.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void HostileText_KeepsEnumValuesExact()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/text.json", Document));
        var assembly = GeneratorHarness.EmitAndLoad(output.Compilation);
        var state = assembly.GetType("Contoso.Api.State")!;

        var values = state.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(property => property.PropertyType == state)
            .Select(property => property.GetValue(null)!.ToString())
            .ToList();

        // The document reader replaces the lone surrogate with U+FFFD before the emitter reads the value.
        Assert.Contains("a\u0000b\u0001c\u000bd\u000ce\ufffef\ufffdg]]>h</summary><!--i-->&j\u001f", values);
        Assert.Contains("]]>", values);
        Assert.Contains("</summary>", values);
        Assert.Contains("\u0000", values);
    }

    [Fact]
    public void XmlEscape_DropsCharactersXmlForbids()
    {
        var escaped = SourceWriter.XmlEscape("a\u0000b\u0008c\ud800d\ufffee\uffff\tf");

        Assert.Equal("abcde\tf", escaped);
    }

    [Fact]
    public void XmlEscape_KeepsSurrogatePairs()
    {
        var escaped = SourceWriter.XmlEscape("x\ud83d\ude00]]></summary>&");

        Assert.Equal("x\ud83d\ude00]]&gt;&lt;/summary&gt;&amp;", escaped);
    }
}
