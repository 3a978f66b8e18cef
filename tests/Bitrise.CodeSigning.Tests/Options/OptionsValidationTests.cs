using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitrise.CodeSigning.Tests.Options;

/// <summary>The start-time validation of <see cref="BitriseCodeSigningOptions"/> and its registration.</summary>
public sealed class OptionsValidationTests
{
    private const string Token = "valid-token-3b9d";

    public static TheoryData<string, string> InvalidOptions => new()
    {
        { "no token", "AccessToken is missing" },
        { "blank token", "AccessToken is missing" },
        { "token with line feed", "AccessToken contains a line break (CR or LF) at position 6" },
        { "relative base address", "BaseAddress 'v0.1' is not an absolute http or https address" },
        { "ftp base address", "BaseAddress 'ftp://127.0.0.1/v0.1' is not an absolute http or https address" },
        { "base address with query", "has a query string or fragment" },
        { "plain http to a remote host", "BaseAddress 'http://api.bitrise.io/v0.1' uses plain http" },
        { "plain http to a private address", "BaseAddress 'http://10.0.0.5/v0.1' uses plain http" },
        { "zero attempt timeout", "StorageAttemptTimeout is 00:00:00, but it must be positive" },
        { "total shorter than attempt", "StorageTotalTimeout is 00:01:00, shorter than StorageAttemptTimeout 00:10:00" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Options_RejectInvalidValue(string @case, string expectedMessage)
    {
        using var services = Build(options => Configure(@case, options));

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BitriseCodeSigningOptions>>().Value);

        Assert.Contains(expectedMessage, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ValidatedAtStart()
    {
        using var services = Build(options => options.AccessToken = null);

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AccessToken is missing", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_AcceptValidValues()
    {
        using var services = Build(options => options.AccessToken = Token);

        var options = services.GetRequiredService<IOptions<BitriseCodeSigningOptions>>().Value;

        Assert.Equal(new Uri("https://api.bitrise.io/v0.1"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromMinutes(10), options.StorageAttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(30), options.StorageTotalTimeout);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/v0.1")]
    [InlineData("http://localhost:5000/v0.1")]
    [InlineData("http://[::1]:5000/v0.1")]
    public void Options_AcceptPlainHttpOnLoopback(string baseAddress)
    {
        using var services = Build(options =>
        {
            options.AccessToken = Token;
            options.BaseAddress = new Uri(baseAddress);
        });

        var options = services.GetRequiredService<IOptions<BitriseCodeSigningOptions>>().Value;

        Assert.Equal(new Uri(baseAddress), options.BaseAddress);
    }

    [Fact]
    public void Options_ToStringRedactsToken()
    {
        var options = new BitriseCodeSigningOptions { AccessToken = Token };

        Assert.DoesNotContain(Token, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ApiClient_UsesConfiguredBaseAddress()
    {
        using var services = Build(options =>
        {
            options.AccessToken = Token;
            options.BaseAddress = new Uri("http://127.0.0.1:9/v0.1");
        });

        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(BitriseCodeSigningHttpClientNames.Api);

        Assert.Equal(new Uri("http://127.0.0.1:9/v0.1"), client.BaseAddress);
    }

    [Fact]
    public void Registration_ReturnsApiClientBuilder()
    {
        var services = new ServiceCollection();

        var builder = services.AddBitriseCodeSigning(options => options.AccessToken = Token);

        Assert.Equal(BitriseCodeSigningHttpClientNames.Api, builder.Name);
        Assert.Contains(services, descriptor => descriptor.ServiceType == typeof(ICodeSigningApiClient));
        Assert.Contains(services, descriptor => descriptor.ServiceType == typeof(ICodeSigningFiles));
    }

    private static ServiceProvider Build(Action<BitriseCodeSigningOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddBitriseCodeSigning(configure);
        return services.BuildServiceProvider();
    }

    private static void Configure(string @case, BitriseCodeSigningOptions options)
    {
        options.AccessToken = Token;
        switch (@case)
        {
            case "no token":
                options.AccessToken = null;
                break;
            case "blank token":
                options.AccessToken = "   ";
                break;
            case "token with line feed":
                options.AccessToken = "secret\nvalue";
                break;
            case "relative base address":
                options.BaseAddress = new Uri("v0.1", UriKind.Relative);
                break;
            case "ftp base address":
                options.BaseAddress = new Uri("ftp://127.0.0.1/v0.1");
                break;
            case "base address with query":
                options.BaseAddress = new Uri("http://127.0.0.1/v0.1?x=1");
                break;
            case "plain http to a remote host":
                options.BaseAddress = new Uri("http://api.bitrise.io/v0.1");
                break;
            case "plain http to a private address":
                options.BaseAddress = new Uri("http://10.0.0.5/v0.1");
                break;
            case "zero attempt timeout":
                options.StorageAttemptTimeout = TimeSpan.Zero;
                break;
            case "total shorter than attempt":
                options.StorageTotalTimeout = TimeSpan.FromMinutes(1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(@case), @case, "Unknown case.");
        }
    }
}
