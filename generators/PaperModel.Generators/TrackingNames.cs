namespace PaperModel.Generators;

/// <summary>
/// Names of the tracked pipeline steps of <see cref="TaxonomyGenerator"/>, so tests can assert how each step ran
/// (<c>Cached</c>, <c>Unchanged</c>, <c>Modified</c>) between two runs of the driver.
/// </summary>
internal static class TrackingNames
{
    /// <summary>The additional files whose name ends with <c>.taxonomy.json</c>.</summary>
    public const string TaxonomyFiles = nameof(TaxonomyFiles);

    /// <summary>One file read and validated by the shared taxonomy reader.</summary>
    public const string ParsedTaxonomy = nameof(ParsedTaxonomy);

    /// <summary>The per-file MSBuild metadata of one taxonomy file.</summary>
    public const string FileOptions = nameof(FileOptions);

    /// <summary>The project-wide MSBuild properties.</summary>
    public const string GlobalOptions = nameof(GlobalOptions);

    /// <summary>One file's generation model: names resolved and checked, diagnostics attached.</summary>
    public const string GenerationModel = nameof(GenerationModel);

    /// <summary>The full class name each file generates, collected to find clashes between files.</summary>
    public const string ClassNames = nameof(ClassNames);

    /// <summary>The final model of one file after the cross-file check.</summary>
    public const string FinalModel = nameof(FinalModel);

    /// <summary>The source to emit for one file (<see langword="null"/> when the file has errors).</summary>
    public const string SourceModel = nameof(SourceModel);

    /// <summary>The diagnostics of one file.</summary>
    public const string Diagnostics = nameof(Diagnostics);
}
