using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrise.CodeSigning.Benchmarks;

/// <summary>
/// Measures listing 10,000 generic project files over 200 pages of 50 through
/// <see cref="ICodeSigningFiles.ListGenericProjectFilesAsync"/>, with the whole client pipeline (access token,
/// resilience handler, JSON) in place and an in-process stub in place of the network.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PeakLiveMemoryColumn.Config))]
public class PagingBenchmarks
{
    private const int PageCount = 200;
    private const int PageSize = 50;
    private const string AppSlug = "benchmark-app";

    private ServiceProvider _services = null!;
    private ICodeSigningFiles _files = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = CreateServices(PageCount);
        _files = _services.GetRequiredService<ICodeSigningFiles>();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>Lists every item and returns how many there were.</summary>
    [Benchmark]
    public async Task<int> ListGenericProjectFiles()
    {
        var count = 0;
        await foreach (var item in _files.ListGenericProjectFilesAsync(AppSlug, PageSize).ConfigureAwait(false))
        {
            count++;
        }

        return count == PageCount * PageSize
            ? count
            : throw new InvalidOperationException($"The listing returned {count} items, but the stub serves {PageCount * PageSize}. Check the stub's paging.next cursors.");
    }

    /// <summary>
    /// Lists <paramref name="pageCount"/> pages of 50 items once and returns the peak of the live heap above the
    /// level before the listing. The live heap is read after a full collection at the last item of each page, while
    /// the enumerator still keeps that page, and once more at the end.
    /// </summary>
    internal static async Task<long> MeasurePeakLiveBytesAsync(int pageCount)
    {
        using var services = CreateServices(pageCount);
        var files = services.GetRequiredService<ICodeSigningFiles>();

        // A first listing loads and compiles the code paths, so the measured one allocates only per page.
        await CountAsync(files);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var count = 0;
        await foreach (var item in files.ListGenericProjectFilesAsync(AppSlug, PageSize).ConfigureAwait(false))
        {
            if (count++ % PageSize == PageSize - 1)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        return count == pageCount * PageSize
            ? peak
            : throw new InvalidOperationException($"The listing returned {count} items, but the stub serves {pageCount * PageSize}.");
    }

    private static async Task<int> CountAsync(ICodeSigningFiles files)
    {
        var count = 0;
        await foreach (var item in files.ListGenericProjectFilesAsync(AppSlug, PageSize).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private static ServiceProvider CreateServices(int pageCount)
    {
        var pages = PagedListHandler.CreatePages(pageCount, PageSize);
        var services = new ServiceCollection();
        services
            .AddBitriseCodeSigning(options =>
            {
                options.BaseAddress = new Uri("http://127.0.0.1/v0.1");
                options.AccessToken = "benchmark-token";
            })
            .ConfigurePrimaryHttpMessageHandler(() => new PagedListHandler(pages));

        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Returns the page that the request's <c>next</c> query parameter names (the first page without one). The
    /// bodies are serialized once, so the benchmark's allocations are those of the client, plus one response
    /// message and its content per page.
    /// </summary>
    private sealed class PagedListHandler(IReadOnlyDictionary<string, byte[]> pages) : HttpMessageHandler
    {
        private const string FirstPage = "";

        public static Dictionary<string, byte[]> CreatePages(int pageCount, int pageSize)
        {
            var pages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            for (var page = 0; page < pageCount; page++)
            {
                var key = page == 0 ? FirstPage : Cursor(page);
                var next = page + 1 < pageCount ? $"\"{Cursor(page + 1)}\"" : "null";
                var body = new StringBuilder("{\"data\":[");
                for (var index = 0; index < pageSize; index++)
                {
                    var number = (page * pageSize) + index;
                    body.Append(index == 0 ? "" : ",")
                        .Append($"{{\"slug\":\"file-{number:D5}\",\"upload_file_name\":\"file-{number:D5}.txt\",\"upload_file_size\":1024,")
                        .Append($"\"processed\":true,\"is_expose\":true,\"is_protected\":false,\"user_env_key\":\"FILE_{number:D5}\"}}");
                }

                body.Append($"],\"paging\":{{\"next\":{next},\"page_item_limit\":{pageSize},\"total_item_count\":{pageCount * pageSize}}}}}");
                pages[key] = Encoding.UTF8.GetBytes(body.ToString());
            }

            return pages;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = QueryValue(request.RequestUri!, "next") ?? FirstPage;
            if (request.Method != HttpMethod.Get || !request.RequestUri!.AbsolutePath.EndsWith($"/apps/{AppSlug}/generic-project-files", StringComparison.Ordinal) || !pages.TryGetValue(key, out var body))
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
            }

            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }

        private static string Cursor(int page) => $"page-{page:D3}";

        private static string? QueryValue(Uri uri, string name)
        {
            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var separator = pair.IndexOf('=', StringComparison.Ordinal);
                if (separator > 0 && pair.AsSpan(0, separator).SequenceEqual(name))
                {
                    return Uri.UnescapeDataString(pair[(separator + 1)..]);
                }
            }

            return null;
        }
    }
}
