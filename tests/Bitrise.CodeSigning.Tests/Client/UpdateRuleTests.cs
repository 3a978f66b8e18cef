using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;
using WireMock;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>One WireMock API for all rows of the table, which returns the file's slug for every PATCH.</summary>
public sealed class UpdateApiFixture : IDisposable
{
    public UpdateApiFixture()
    {
        Mock.RespondWith("PATCH", $"/v0.1/apps/{UpdateRuleTests.App}/*", request => (200, new JsonObject { ["data"] = new JsonObject { ["slug"] = request.Path.Split('/')[^1] } }.ToJsonString()));
    }

    internal MockApi Mock { get; } = MockApi.Start();

    public void Dispose() => Mock.Dispose();
}

/// <summary>The PATCH rules checked before sending, for every current state and every change of each kind with an update.</summary>
public sealed class UpdateRuleTests(UpdateApiFixture fixture) : IClassFixture<UpdateApiFixture>
{
    internal const string App = "demo-app";

    [Theory]
    [MemberData(nameof(UpdateCases.AllCombinations), MemberType = typeof(UpdateCases))]
    public async Task Update_ChecksEveryCombination(
        CodeSigningFileKind kind, bool isProtected, bool isExpose, bool processed, bool? requestedProtected, bool? requestedExpose, bool? requestedProcessed)
    {
        var update = UpdateCases.All[kind];
        var current = new Flags(isProtected, isExpose, processed);
        var change = new Flags(requestedProtected, requestedExpose, requestedProcessed);
        var slug = $"f-{Code(isProtected)}{Code(isExpose)}{Code(processed)}-{Code(requestedProtected)}{Code(requestedExpose)}{Code(requestedProcessed)}";
        var expected = ExpectedViolations(current, change);
        var token = TestContext.Current.CancellationToken;

        if (expected.Count > 0)
        {
            var exception = await Assert.ThrowsAsync<CodeSigningConstraintException>(
                () => update.Update(fixture.Mock.Files, App, slug, change, current, token));

            Assert.Equal(expected, exception.Violations);
            Assert.False(exception.RejectedByService);
            Assert.Null(exception.StatusCode);
            Assert.Equal(kind, exception.Kind);
            Assert.Equal(slug, exception.FileSlug);
            Assert.All(expected, violation => Assert.Contains(violation.ToString(), exception.Message, StringComparison.Ordinal));
            Assert.Empty(RequestsTo(update, slug));
            SecretScan.AssertClean(exception);
        }
        else
        {
            var updated = await update.Update(fixture.Mock.Files, App, slug, change, current, token);

            var patch = Assert.Single(RequestsTo(update, slug));
            Assert.Equal(slug, updated);
            Assert.Equal("PATCH", patch.Method);
            Assert.Equal(SentFields(change), ReadFields(patch.Body!));
        }
    }

    [Fact]
    public void Violation_ToStringStatesRule()
    {
        Assert.Equal("is_protected is true and cannot change to false", new CodeSigningConstraintViolation("is_protected", true, false).ToString());
        Assert.Equal("processed is true and cannot change to false", new CodeSigningConstraintViolation("processed", true, false).ToString());
        Assert.Equal(
            "is_expose is false and cannot change to true while is_protected is true",
            new CodeSigningConstraintViolation("is_expose", false, true).ToString());
    }

    /// <summary>The rules as the API description states them, written out independently of the library's check.</summary>
    private static List<CodeSigningConstraintViolation> ExpectedViolations(Flags current, Flags change)
    {
        var violations = new List<CodeSigningConstraintViolation>();
        if (current.IsProtected == true && change.IsProtected == false)
        {
            violations.Add(new("is_protected", true, false));
        }

        if (current.IsProtected == true && change.IsExpose is { } expose && expose != current.IsExpose)
        {
            violations.Add(new("is_expose", current.IsExpose!.Value, expose));
        }

        if (current.Processed == true && change.Processed == false)
        {
            violations.Add(new("processed", true, false));
        }

        return violations;
    }

    private static Dictionary<string, bool> SentFields(Flags change)
    {
        var fields = new Dictionary<string, bool>();
        if (change.IsProtected is { } isProtected)
        {
            fields["is_protected"] = isProtected;
        }

        if (change.IsExpose is { } isExpose)
        {
            fields["is_expose"] = isExpose;
        }

        if (change.Processed is { } processed)
        {
            fields["processed"] = processed;
        }

        return fields;
    }

    private static Dictionary<string, bool> ReadFields(string body)
        => JsonNode.Parse(body)!.AsObject().ToDictionary(property => property.Key, property => property.Value!.GetValue<bool>());

    private List<IRequestMessage> RequestsTo(UpdateCase update, string slug)
        => fixture.Mock.Requests.Where(request => request.Path == $"/v0.1/apps/{App}/{update.Collection}/{slug}").ToList();

    private static string Code(bool? value) => value switch
    {
        null => "u",
        true => "t",
        false => "f",
    };
}
