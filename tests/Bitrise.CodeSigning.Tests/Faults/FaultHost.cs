using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Bitrise.CodeSigning.Tests.Faults;

/// <summary>
/// Serves a <see cref="FakeCodeSigningService"/> on 127.0.0.1: through WireMock.Net, or through a
/// <see cref="RawHttpServer"/> for the faults that WireMock.Net cannot send (a reset or a stall in the middle of a body).
/// </summary>
internal sealed class FaultHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly WireMockServer? _wireMock;
    private readonly RawHttpServer? _raw;

    private FaultHost(bool raw, TimeSpan faultDelay)
    {
        Service = new FakeCodeSigningService(faultDelay, _stopping.Token);
        if (raw)
        {
            _raw = new RawHttpServer(request =>
            {
                var path = request.Target.Split('?')[0];
                return Service.HandleAsync(request.Method, path, request.Headers.ContainsKey("Authorization"), request.Body);
            });
            Origin = _raw.Origin;
        }
        else
        {
            _wireMock = WireMockServer.Start();
            _wireMock
                .Given(Request.Create().UsingAnyMethod())
                .RespondWith(Response.Create().WithCallback(async request =>
                {
                    var response = await Service.HandleAsync(request.Method, request.Path, request.Headers?.ContainsKey("Authorization") == true, request.BodyAsBytes ?? []);
                    var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(response.ContentType) };
                    foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
                    {
                        headers[name] = new(value);
                    }

                    return (IResponseMessage)new ResponseMessage
                    {
                        StatusCode = response.Status,
                        Headers = headers,
                        BodyData = new BodyData { BodyAsBytes = response.Body, DetectedBodyType = BodyType.Bytes },
                    };
                }));
            Origin = $"http://127.0.0.1:{_wireMock.Port}";
        }

        Service.Origin = Origin;
    }

    public FakeCodeSigningService Service { get; }

    /// <summary>Gets <c>http://127.0.0.1:{port}</c>.</summary>
    public string Origin { get; }

    /// <summary>Starts a host for <paramref name="fault"/>: a raw socket server for a reset or a stall mid-body, WireMock.Net otherwise.</summary>
    public static FaultHost Start(Fault? fault, TimeSpan faultDelay)
        => new(fault is Fault.ResetMidBody or Fault.StalledBody, faultDelay);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_raw is not null)
        {
            await _raw.DisposeAsync();
        }

        _wireMock?.Stop();
        _wireMock?.Dispose();
        _stopping.Dispose();
    }
}
