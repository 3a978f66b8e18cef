using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>
/// Prints the demo's steps as a table, one row per step as it ends, and the summary. Rows hold no secrets: the
/// runner passes failure details through <see cref="SecretRedactor"/> first.
/// </summary>
internal sealed class DemoReporter(TextWriter output)
{
    private const string RowFormat = "{0,-21} {1,-13} {2,-8} {3,-26} {4,10} {5,9}  {6}";

    private readonly List<StepResult> _results = [];

    /// <summary>The steps reported so far.</summary>
    public IReadOnlyList<StepResult> Results => _results;

    /// <summary>Whether any step failed.</summary>
    public bool AnyFailed => _results.Exists(result => result.Outcome == StepOutcome.Failed);

    /// <summary>Prints the column titles.</summary>
    public void WriteHeader()
    {
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, RowFormat, "KIND", "STEP", "RESULT", "SLUG", "SIZE (B)", "TIME (ms)", "FILE"));
    }

    /// <summary>Prints <paramref name="result"/> as a row, with its detail on the next line when it has one.</summary>
    public void Write(StepResult result)
    {
        _results.Add(result);

        output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            RowFormat,
            FileKindNames.ToName(result.Kind),
            result.Step,
            result.Outcome.ToString().ToLowerInvariant(),
            result.Slug ?? "-",
            result.Size?.ToString(CultureInfo.InvariantCulture) ?? "-",
            result.Outcome == StepOutcome.Skipped ? "-" : ((long)result.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            result.FileName));

        if (result.Detail is not null)
        {
            output.WriteLine($"    {result.Detail}");
        }
    }

    /// <summary>Prints how many steps passed, failed and were skipped.</summary>
    public void WriteSummary()
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (var result in _results)
        {
            switch (result.Outcome)
            {
                case StepOutcome.Passed:
                    passed++;
                    break;
                case StepOutcome.Failed:
                    failed++;
                    break;
                default:
                    skipped++;
                    break;
            }
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Summary: {_results.Count} steps, {passed} passed, {failed} failed, {skipped} skipped."));
    }
}
