using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Emulator;

namespace Bitrise.CodeSigning.Cli.Tests.Commands;

public sealed class EmulatorCommandTests
{
    [Fact]
    public async Task Emulator_ServesUntilCanceled()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        var synchronizedOutput = TextWriter.Synchronized(output);
        var token = new BitriseEmulatorOptions().AccessToken;

        var running = CliApplication.RunAsync(["emulator", "--app-slug", "app-one", "app-two"], synchronizedOutput, TextWriter.Null, stop.Token);
        var apiBaseAddress = await WaitForApiBaseAddressAsync(output, synchronizedOutput, TestContext.Current.CancellationToken);

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{apiBaseAddress}/apps/app-two/provisioning-profiles");
        request.Headers.TryAddWithoutValidation("Authorization", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        var exitCode = await running;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExitCodes.Success, exitCode);
        var text = output.ToString();
        Assert.StartsWith("http://127.0.0.1:", apiBaseAddress, StringComparison.Ordinal);
        Assert.Contains($"Access token:  {token}", text, StringComparison.Ordinal);
        Assert.Contains("Apps:          app-one, app-two", text, StringComparison.Ordinal);
        Assert.Contains("The emulator has stopped", text, StringComparison.Ordinal);
    }

    // TextWriter.Synchronized locks the wrapper for every write, so a read under the same lock gets whole lines.
    private static async Task<string> WaitForApiBaseAddressAsync(StringWriter output, TextWriter synchronizedOutput, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            string text;
            lock (synchronizedOutput)
            {
                text = output.ToString();
            }

            var match = Regex.Match(text, "^API base URL: +(\\S+)$", RegexOptions.Multiline);
            if (match.Success)
            {
                return match.Groups[1].Value.TrimEnd('/');
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("The emulator command printed no API base URL within 30 seconds.");
    }
}
