namespace DhcpCluster.Lab.Packaging;

/// <summary>One <c>COPY</c> of a Dockerfile stage: sources (in the build context, or in stage <see cref="FromStage"/>) and destination.</summary>
public sealed record DockerCopy(string? FromStage, IReadOnlyList<string> Sources, string Destination);
