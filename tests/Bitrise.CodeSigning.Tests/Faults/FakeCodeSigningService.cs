using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;

namespace Bitrise.CodeSigning.Tests.Faults;

/// <summary>The request routes of <see cref="FakeCodeSigningService"/>: one build-certificate operation or storage request each.</summary>
public enum FakeRoute
{
    Create,
    Put,
    Confirm,
    Update,
    Show,
    Download,
    List,
    Delete,
}

/// <summary>An entry of <see cref="FakeCodeSigningService"/>.</summary>
internal sealed class FakeEntry(string slug, string fileName, long size)
{
    public string Slug { get; } = slug;

    public string FileName { get; } = fileName;

    public long Size { get; } = size;

    public bool Processed { get; set; }

    public byte[]? Bytes { get; set; }
}

/// <summary>
/// A stand-in for the build-certificate endpoints of the API and for the storage of their presigned URLs, in memory,
/// that injects one <see cref="Fault"/> into the first response of one <see cref="FakeRoute"/>. The faults that
/// WireMock.Net can send are served through it, and a reset or a stall in the middle of a body through a
/// <see cref="RawHttpServer"/>; both call <see cref="HandleAsync"/>.
/// </summary>
internal sealed class FakeCodeSigningService
{
    public const string App = "demo-app";
    public const string CollectionPath = $"/v0.1/apps/{App}/build-certificates";

    private readonly ConcurrentDictionary<string, FakeEntry> _entries = new();
    private readonly ConcurrentQueue<(FakeRoute Route, bool HasAuthorization)> _requests = new();
    private readonly TimeSpan _faultDelay;
    private readonly CancellationToken _stopping;
    private FakeRoute? _faultRoute;
    private Fault _fault;
    private int _slugCounter;
    private int _faultPending;

    public FakeCodeSigningService(TimeSpan faultDelay, CancellationToken stopping)
    {
        _faultDelay = faultDelay;
        _stopping = stopping;
    }

    /// <summary>Gets or sets the origin of the server, without a trailing slash, for the presigned URLs.</summary>
    public string Origin { get; set; } = string.Empty;

    public IReadOnlyCollection<FakeEntry> Entries => _entries.Values.ToList();

    /// <summary>Gets or sets an action that runs when a create arrives, before its entry is made, for example to seed another upload's entry.</summary>
    public Action? OnCreate { get; set; }

    /// <summary>Gets the number of requests of <paramref name="route"/>.</summary>
    public int Count(FakeRoute route) => _requests.Count(request => request.Route == route);

    /// <summary>Gets the number of storage requests that carried an <c>Authorization</c> header.</summary>
    public int StorageRequestsWithAuthorization
        => _requests.Count(request => request.Route is FakeRoute.Put or FakeRoute.Download && request.HasAuthorization);

    /// <summary>Injects <paramref name="fault"/> into the first response of <paramref name="route"/>.</summary>
    public void InjectOnce(FakeRoute route, Fault fault)
    {
        _faultRoute = route;
        _fault = fault;
        _faultPending = 1;
    }

    /// <summary>Adds an entry with its stored bytes, confirmed unless <paramref name="processed"/> is false.</summary>
    public FakeEntry Seed(string fileName, byte[] bytes, bool processed = true)
    {
        var entry = new FakeEntry(NextSlug(), fileName, bytes.Length) { Processed = processed, Bytes = bytes };
        _entries[entry.Slug] = entry;
        return entry;
    }

    public async Task<RawHttpResponse> HandleAsync(string method, string path, bool hasAuthorization, byte[] body)
    {
        var (route, slug) = Route(method, path);
        if (route is null)
        {
            return Json(404, """{"message":"Not Found"}""");
        }

        _requests.Enqueue((route.Value, hasAuthorization));
        var fault = route == _faultRoute && Interlocked.Exchange(ref _faultPending, 0) == 1 ? _fault : (Fault?)null;
        var storage = route is FakeRoute.Put or FakeRoute.Download;
        if (fault is { } rejection && RejectsUnprocessed(rejection))
        {
            return Reject(rejection, storage);
        }

        var response = Handle(route.Value, slug, body);
        return fault is { } applied ? await ApplyAsync(applied, route.Value, response) : response;
    }

    private static bool RejectsUnprocessed(Fault fault)
        => fault is Fault.TooManyRequests or Fault.Status500 or Fault.Status502 or Fault.Status503 or Fault.Status504 or Fault.HtmlErrorPage or Fault.ExpiredUrl;

    private static (FakeRoute? Route, string? Slug) Route(string method, string path)
    {
        if (path.StartsWith("/storage/", StringComparison.Ordinal))
        {
            var key = path["/storage/".Length..];
            return method switch { "PUT" => (FakeRoute.Put, key), "GET" => (FakeRoute.Download, key), _ => (null, null) };
        }

        if (path == CollectionPath)
        {
            return method switch { "POST" => (FakeRoute.Create, null), "GET" => (FakeRoute.List, null), _ => (null, null) };
        }

        if (!path.StartsWith(CollectionPath + "/", StringComparison.Ordinal))
        {
            return (null, null);
        }

        var rest = path[(CollectionPath.Length + 1)..];
        if (rest.EndsWith("/uploaded", StringComparison.Ordinal))
        {
            return method == "POST" ? (FakeRoute.Confirm, rest[..^"/uploaded".Length]) : (null, null);
        }

        return method switch
        {
            "GET" => (FakeRoute.Show, rest),
            "PATCH" => (FakeRoute.Update, rest),
            "DELETE" => (FakeRoute.Delete, rest),
            _ => (null, null),
        };
    }

    private RawHttpResponse Handle(FakeRoute route, string? slug, byte[] body)
    {
        if (route == FakeRoute.Create)
        {
            OnCreate?.Invoke();
            var request = JsonNode.Parse(body)!;
            var entry = new FakeEntry(NextSlug(), (string)request["upload_file_name"]!, (long)request["upload_file_size"]!);
            _entries[entry.Slug] = entry;
            var data = Describe(entry);
            data["upload_url"] = $"{Origin}/storage/{entry.Slug}?X-Amz-Expires=600&X-Amz-Signature={SecretScan.Signature}";
            return Json(201, new JsonObject { ["data"] = data }.ToJsonString());
        }

        if (slug is null || !_entries.TryGetValue(slug, out var found))
        {
            return route is FakeRoute.Put or FakeRoute.Download
                ? Xml(404, "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>")
                : route == FakeRoute.List ? List() : Json(404, """{"message":"Not Found"}""");
        }

        switch (route)
        {
            case FakeRoute.Put:
                found.Bytes = body;
                return new RawHttpResponse(200, "application/xml", []);
            case FakeRoute.Download:
                return new RawHttpResponse(200, "application/octet-stream", found.Bytes ?? []);
            case FakeRoute.Confirm:
                found.Processed = true;
                return Json(200, new JsonObject { ["data"] = Describe(found) }.ToJsonString());
            case FakeRoute.Show:
                var shown = Describe(found);
                shown["download_url"] = $"{Origin}/storage/{found.Slug}?X-Amz-Expires=600&X-Amz-Signature={SecretScan.Signature}";
                shown["file_sha256"] = Convert.ToHexString(SHA256.HashData(found.Bytes ?? [])).ToLowerInvariant();
                return Json(200, new JsonObject { ["data"] = shown }.ToJsonString());
            case FakeRoute.Update:
                var change = JsonNode.Parse(body)!.AsObject();
                var updated = Describe(found);
                foreach (var (name, value) in change)
                {
                    updated[name] = value?.DeepClone();
                }

                return Json(200, new JsonObject { ["data"] = updated }.ToJsonString());
            case FakeRoute.Delete:
                _entries.TryRemove(found.Slug, out _);
                return Json(200, new JsonObject { ["data"] = Describe(found) }.ToJsonString());
            default:
                return List();
        }
    }

    private RawHttpResponse List()
    {
        var items = new JsonArray(_entries.Values.OrderBy(entry => entry.Slug, StringComparer.Ordinal).Select(entry => (JsonNode)Describe(entry)).ToArray());
        var page = new JsonObject
        {
            ["data"] = items,
            ["paging"] = new JsonObject { ["total_item_count"] = items.Count, ["page_item_limit"] = 50 },
        };
        return Json(200, page.ToJsonString());
    }

    private static JsonObject Describe(FakeEntry entry) => new()
    {
        ["slug"] = entry.Slug,
        ["upload_file_name"] = entry.FileName,
        ["upload_file_size"] = entry.Size,
        ["processed"] = entry.Processed,
        ["is_expose"] = true,
        ["is_protected"] = false,
    };

    private static RawHttpResponse Reject(Fault fault, bool storage)
    {
        if (fault == Fault.ExpiredUrl)
        {
            return Xml(403, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
        }

        if (fault == Fault.HtmlErrorPage)
        {
            return new RawHttpResponse(403, "text/html", Encoding.UTF8.GetBytes("<html>\n<head><title>403 Forbidden</title></head>\n<body><h1>Forbidden</h1><p>Blocked by the proxy.</p></body>\n</html>"));
        }

        var (status, code) = fault switch
        {
            Fault.TooManyRequests => (429, "SlowDown"),
            Fault.Status500 => (500, "InternalError"),
            Fault.Status502 => (502, "BadGateway"),
            Fault.Status503 => (503, "SlowDown"),
            _ => (504, "GatewayTimeout"),
        };
        var headers = status is 429 or 503 ? new Dictionary<string, string> { ["Retry-After"] = "1" } : null;
        return storage
            ? Xml(status, $"<Error><Code>{code}</Code><Message>Injected {status}.</Message></Error>") with { Headers = headers }
            : Json(status, $$"""{"message":"Injected {{status}}."}""") with { Headers = headers };
    }

    private async Task<RawHttpResponse> ApplyAsync(Fault fault, FakeRoute route, RawHttpResponse response)
    {
        // A body fault needs a body to break; a PUT's response has none of its own.
        var body = response.Body.Length > 0 ? response.Body : Encoding.ASCII.GetBytes(new string(' ', 64));
        switch (fault)
        {
            case Fault.Timeout:
                await Task.Delay(_faultDelay, _stopping);
                return response;
            case Fault.ResetMidBody:
                return response with { Body = body, BodyFault = RawBodyFault.Reset };
            case Fault.StalledBody:
                return response with { Body = body, BodyFault = RawBodyFault.Stall };
            case Fault.TruncatedJson:
                return response with { Body = response.Body[..(response.Body.Length / 2)] };
            case Fault.InvalidJson:
                return response with { Body = Encoding.UTF8.GetBytes("{\"data\": nope}") };
            case Fault.Empty200:
                return new RawHttpResponse(200, response.ContentType, []);
            case Fault.WrongContentType:
                return response with { ContentType = "text/plain; charset=utf-8" };
            case Fault.UnknownFields:
                var extended = JsonNode.Parse(response.Body)!;
                AddUnknownFields(extended);
                return response with { Body = Encoding.UTF8.GetBytes(extended.ToJsonString()) };
            default:
                var reduced = JsonNode.Parse(response.Body)!.AsObject();
                RemoveNeededField(reduced, route, fault);
                return response with { Body = Encoding.UTF8.GetBytes(reduced.ToJsonString()) };
        }
    }

    private static void AddUnknownFields(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (_, value) in obj.ToList())
            {
                if (value is not null)
                {
                    AddUnknownFields(value);
                }
            }

            obj["x_unknown_field"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null, new JsonObject()) };
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not null)
                {
                    AddUnknownFields(item);
                }
            }
        }
    }

    private static void RemoveNeededField(JsonObject body, FakeRoute route, Fault fault)
    {
        var data = body["data"] as JsonObject;
        if (fault == Fault.MissingSlug)
        {
            data!.Remove("slug");
        }
        else if (route == FakeRoute.Create)
        {
            data!.Remove("upload_url");
        }
        else if (route == FakeRoute.Show)
        {
            data!.Remove("download_url");
        }
        else
        {
            body.Remove("data");
        }
    }

    private string NextSlug() => $"cert-{Interlocked.Increment(ref _slugCounter)}";

    private static RawHttpResponse Json(int status, string json) => new(status, "application/json", Encoding.UTF8.GetBytes(json));

    private static RawHttpResponse Xml(int status, string xml) => new(status, "application/xml", Encoding.UTF8.GetBytes(xml));
}
