using System;
using Bitrise.CodeSigning;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>How a demo step ended.</summary>
internal enum StepOutcome
{
    /// <summary>The request succeeded and its result passed the step's checks.</summary>
    Passed,

    /// <summary>The request failed, or its result did not pass the step's checks.</summary>
    Failed,

    /// <summary>The step did not run because the upload it depends on failed.</summary>
    Skipped,
}

/// <summary>One step of the demo for one file: what ran, how it ended and the values it printed.</summary>
/// <param name="Kind">The kind of the file.</param>
/// <param name="Step">The step name: upload, list, show, download, protect, invalid-patch or delete.</param>
/// <param name="FileName">The name of the uploaded file.</param>
/// <param name="Outcome">How the step ended.</param>
/// <param name="Slug">The file's slug, once the upload returned one.</param>
/// <param name="Size">The size in bytes the step saw: uploaded, listed, shown or downloaded.</param>
/// <param name="Elapsed">The time the step took.</param>
/// <param name="Detail">Why the step failed or was skipped, or what a passed step showed, free of secrets.</param>
internal sealed record StepResult(
    CodeSigningFileKind Kind,
    string Step,
    string FileName,
    StepOutcome Outcome,
    string? Slug,
    long? Size,
    TimeSpan Elapsed,
    string? Detail);
