using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>How the checked update reads the current state, and how the service's 400 for a rule is mapped.</summary>
public sealed class UpdateTests
{
    private const string App = "demo-app";
    private const string Slug = "file-1";

    [Theory]
    [MemberData(nameof(UpdateCases.Kinds), MemberType = typeof(UpdateCases))]
    public async Task Update_WithoutCurrent_ShowsFirst(CodeSigningFileKind kind)
    {
        var update = UpdateCases.All[kind];
        using var mock = MockApi.Start();
        RespondToShow(mock, update, isProtected: false);
        RespondToPatch(mock, update, 200, """{"data":{"slug":"file-1","is_protected":true}}""");

        var updated = await update.Update(mock.Files, App, Slug, new Flags(true, null, null), null, TestContext.Current.CancellationToken);

        var requests = mock.Requests;
        Assert.Equal(Slug, updated);
        Assert.Equal(["GET", "PATCH"], requests.Select(request => request.Method));
        Assert.All(requests, request => Assert.Equal($"/v0.1/apps/{App}/{update.Collection}/{Slug}", request.Path));
        Assert.Equal("""{"is_protected":true}""", requests[1].Body);
    }

    [Theory]
    [MemberData(nameof(UpdateCases.Kinds), MemberType = typeof(UpdateCases))]
    public async Task Update_WithoutCurrent_RejectsFromShownState(CodeSigningFileKind kind)
    {
        var update = UpdateCases.All[kind];
        using var mock = MockApi.Start();
        RespondToShow(mock, update, isProtected: true);

        var exception = await Assert.ThrowsAsync<CodeSigningConstraintException>(
            () => update.Update(mock.Files, App, Slug, new Flags(false, null, null), null, TestContext.Current.CancellationToken));

        Assert.Equal([new CodeSigningConstraintViolation("is_protected", true, false)], exception.Violations);
        Assert.False(exception.RejectedByService);
        Assert.Equal(["GET"], mock.Requests.Select(request => request.Method));
        Assert.Contains("upload it again", exception.Message, StringComparison.Ordinal);
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task Update_CurrentWithoutFlags_ShowsFirst()
    {
        var update = UpdateCases.All[CodeSigningFileKind.BuildCertificate];
        using var mock = MockApi.Start();
        RespondToShow(mock, update, isProtected: true);

        var exception = await Assert.ThrowsAsync<CodeSigningConstraintException>(
            () => update.Update(mock.Files, App, Slug, new Flags(false, null, null), new Flags(null, null, null), TestContext.Current.CancellationToken));

        Assert.Single(exception.Violations);
        Assert.Equal(["GET"], mock.Requests.Select(request => request.Method));
    }

    [Fact]
    public async Task Update_CurrentOfOtherFile_Throws()
    {
        using var mock = MockApi.Start();
        var current = new BuildCertificateResponseItemModel { Slug = "other", IsProtected = false, IsExpose = false, Processed = true };

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => mock.Files.UpdateBuildCertificateAsync(App, Slug, new BuildCertificateUpdateParams { IsProtected = true }, current, TestContext.Current.CancellationToken));

        Assert.Equal("current", exception.ParamName);
        Assert.Empty(mock.Requests);
    }

    [Theory]
    [MemberData(nameof(UpdateCases.Kinds), MemberType = typeof(UpdateCases))]
    public async Task ServiceRuleRejection_MapsToConstraintException(CodeSigningFileKind kind)
    {
        var update = UpdateCases.All[kind];
        using var mock = MockApi.Start();
        RespondToPatch(mock, update, 400, """{"message":"is_protected cannot be changed once it is true."}""");
        RespondToShow(mock, update, isProtected: true);
        var staleState = new Flags(false, false, true);

        var exception = await Assert.ThrowsAsync<CodeSigningConstraintException>(
            () => update.Update(mock.Files, App, Slug, new Flags(false, null, null), staleState, TestContext.Current.CancellationToken));

        Assert.True(exception.RejectedByService);
        Assert.Equal([new CodeSigningConstraintViolation("is_protected", true, false)], exception.Violations);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("is_protected cannot be changed once it is true.", exception.ServiceMessage);
        Assert.Equal("PATCH", exception.Method);
        Assert.IsType<CodeSigningApiException>(exception.InnerException);
        Assert.Equal(["PATCH", "GET"], mock.Requests.Select(request => request.Method));
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task ServiceRuleRejection_UnreadableState_KeepsServiceMessage()
    {
        var update = UpdateCases.All[CodeSigningFileKind.GenericProjectFile];
        using var mock = MockApi.Start();
        RespondToPatch(mock, update, 400, """{"message":"Field is_expose is locked while the file is protected"}""");
        mock.Respond("GET", $"/v0.1/apps/{App}/{update.Collection}/{Slug}", 500, """{"message":"internal error"}""");

        var exception = await Assert.ThrowsAsync<CodeSigningConstraintException>(
            () => update.Update(mock.Files, App, Slug, new Flags(null, true, null), new Flags(false, false, true), TestContext.Current.CancellationToken));

        Assert.True(exception.RejectedByService);
        Assert.Empty(exception.Violations);
        Assert.Equal("Field is_expose is locked while the file is protected", exception.ServiceMessage);
        Assert.Contains("Field is_expose is locked", exception.Message, StringComparison.Ordinal);
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task OtherBadRequest_StaysApiException()
    {
        var update = UpdateCases.All[CodeSigningFileKind.GenericProjectFile];
        using var mock = MockApi.Start();
        RespondToPatch(mock, update, 400, """{"message":"user_env_key may contain only letters, digits and underscores"}""");

        var exception = await Assert.ThrowsAsync<CodeSigningApiException>(
            () => update.Update(mock.Files, App, Slug, new Flags(true, null, null), new Flags(false, false, true), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal(["PATCH"], mock.Requests.Select(request => request.Method));
    }

    private static void RespondToShow(MockApi mock, UpdateCase update, bool isProtected)
    {
        var data = new JsonObject { ["slug"] = Slug, ["is_protected"] = isProtected, ["is_expose"] = true, ["processed"] = true };
        mock.Respond("GET", $"/v0.1/apps/{App}/{update.Collection}/{Slug}", 200, new JsonObject { ["data"] = data }.ToJsonString());
    }

    private static void RespondToPatch(MockApi mock, UpdateCase update, int status, string json)
        => mock.Respond("PATCH", $"/v0.1/apps/{App}/{update.Collection}/{Slug}", status, json);
}
