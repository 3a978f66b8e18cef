using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Bitrise.CodeSigning.Benchmarks;

/// <summary>
/// The peak of the live heap while <see cref="PagingBenchmarks"/> lists its items, for 20 and for 200 pages. Equal
/// peaks show that the listing keeps about one page in memory however many pages there are.
/// </summary>
/// <remarks>
/// BenchmarkDotNet reports allocated bytes, not live ones, so this column measures in the host process with
/// <see cref="PagingBenchmarks.MeasurePeakLiveBytesAsync"/> when the summary is built, outside the timed runs.
/// </remarks>
public sealed class PeakLiveMemoryColumn(int pageCount) : IColumn
{
    private static readonly ConcurrentDictionary<int, long> Measured = new();

    public string Id => $"{nameof(PeakLiveMemoryColumn)}{pageCount}";

    public string ColumnName => $"Peak live ({pageCount} pages)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Metric;

    public int PriorityInCategory => pageCount;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => $"Peak of the live heap above its level before the listing, over {pageCount} pages of 50 items, read after a full GC at the last item of each page";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var bytes = Measured.GetOrAdd(pageCount, count => PagingBenchmarks.MeasurePeakLiveBytesAsync(count).GetAwaiter().GetResult());
        return $"{bytes / 1024.0:N1} KB";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>Adds the column for 20 and for 200 pages.</summary>
    public sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new PeakLiveMemoryColumn(20), new PeakLiveMemoryColumn(200));
        }
    }
}
