namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>The OpenAPI 3 <c>style</c> values the client writes; the emitted client has an enum of the same names.</summary>
internal enum ParameterStyle
{
    Simple,
    Label,
    Matrix,
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}
