using Bitrise.OpenApi.SourceGenerator.Helpers;

namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>
/// A diagnostic in equatable form: the descriptor id, where it points and the message arguments. The
/// diagnostics output turns it into a Roslyn <c>Diagnostic</c>.
/// </summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> MessageArguments);
