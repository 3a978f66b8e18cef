using System.Globalization;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Enum member names that the document lists in <c>x-enum-varnames</c>, <c>x-enumNames</c> or
/// <c>x-enum-names</c>, read from a real generator run.
/// </summary>
public sealed class EnumNamesTests
{
    [Theory]
    [InlineData("x-enum-varnames: [Alpha, Beta, Gamma]", "Alpha,Beta,Gamma")]
    [InlineData("x-enumNames: [Alpha, Beta, Gamma]", "Alpha,Beta,Gamma")]
    [InlineData("x-enum-names: [Alpha, Beta, Gamma]", "Alpha,Beta,Gamma")]
    [InlineData("x-enum-varnames: [Alpha, Beta, Gamma]\n      x-enumNames: [One, Two, Three]", "Alpha,Beta,Gamma")]
    [InlineData("x-enum-varnames: [\"first name\", first_name, \"\"]", "FirstName,FirstName2,C")]
    [InlineData("x-enum-varnames: [Value, IsKnown, Color]", "Value2,IsKnown2,Color2")]
    public void NameList_NamesMembers(string extension, string expectedNames)
    {
        var output = Run(extension);

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Equal(expectedNames, string.Join(",", MemberNames(output)));
    }

    [Theory]
    [InlineData("x-enum-varnames: [Alpha, Beta]", "x-enum-varnames", 2)]
    [InlineData("x-enumNames: [Alpha, Beta, Gamma, Delta]", "x-enumNames", 4)]
    public void LengthMismatch_IsReportedAndIgnored(string extension, string key, int count)
    {
        var output = Run(extension);

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("OASG055", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("at '#/components/schemas/Color/" + key + "': '" + key + "' lists " + count + " names but 'enum' has 3 values", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(8, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("A,B,C", string.Join(",", MemberNames(output)));
    }

    private static GeneratorOutput Run(string extension)
    {
        var document = "openapi: 3.0.3\ninfo: { title: Enums, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Color:\n      type: string\n      enum: [a, b, c]\n      " + extension + "\n";
        return GeneratorHarness.Run(new OpenApiDocumentItem("/specs/enums.yaml", document, "Contoso.Enums", "EnumsClient"));
    }

    /// <summary>Returns the static member properties in the order of the sorted values.</summary>
    private static string[] MemberNames(GeneratorOutput output)
    {
        var type = output.Compilation.GetTypeByMetadataName("Contoso.Enums.Color");
        Assert.NotNull(type);
        return type.GetMembers().OfType<IPropertySymbol>().Where(property => property.IsStatic).Select(property => property.Name).ToArray();
    }
}
