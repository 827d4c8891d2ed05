package com.tradewind.knowledge.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the supported files under a folder and extracts each into an {@link ExtractedDocument}.
 * Problems with one file never stop the others: they surface as {@link DocumentException}s.
 */
public final class DocumentReader {

  /** Files above this size are skipped: they are almost always data dumps, not documents. */
  public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

  private static final Map<String, DocumentExtractor> EXTRACTORS = Map.of(
      "md", new MarkdownExtractor(),
      "markdown", new MarkdownExtractor(),
      "txt", new PlainTextExtractor(),
      "html", new HtmlExtractor(),
      "htm", new HtmlExtractor(),
      "pdf", new PdfExtractor(),
      "docx", new DocxExtractor());

  private final long maxBytes;

  public DocumentReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public DocumentReader() {
    this(DEFAULT_MAX_BYTES);
  }

  public static boolean isSupported(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && !name.startsWith(".") && EXTRACTORS.containsKey(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
  }

  /** Lists the supported files under {@code root}, sorted by path; hidden files are ignored. */
  public List<SourceFile> list(Path root) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      throw new IOException("knowledge folder does not exist or is not a directory: " + root);
    }
    try (Stream<Path> walk = Files.walk(root, 32)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        Path rel = root.relativize(file);
        if (!Files.isRegularFile(file) || isHidden(rel) || !isSupported(file)) {
          continue;
        }
        files.add(new SourceFile(rel.toString().replace('\\', '/'), file.toAbsolutePath(),
            Files.size(file), Files.getLastModifiedTime(file).toMillis()));
      }
    }
    files.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
    return files;
  }

  /** Reads the file's bytes, refusing files that are too large. */
  public byte[] bytes(SourceFile source) throws DocumentException {
    if (source.size() > maxBytes) {
      throw new DocumentException(DocumentException.Reason.TOO_LARGE, source.relativePath(),
          "skipped, " + source.size() + " bytes is more than the limit of " + maxBytes);
    }
    try {
      return Files.readAllBytes(source.file());
    } catch (IOException e) {
      throw new DocumentException(DocumentException.Reason.UNREADABLE, source.relativePath(),
          "skipped, cannot be read: " + e.getMessage());
    }
  }

  /** Extracts the text of a file already read into memory. */
  public ExtractedDocument extract(SourceFile source, byte[] bytes) throws DocumentException {
    DocumentExtractor extractor = EXTRACTORS.get(source.extension());
    if (extractor == null) {
      throw new DocumentException(DocumentException.Reason.UNSUPPORTED_TYPE, source.relativePath(), "unsupported file type");
    }
    boolean textFormat = !source.extension().equals("pdf") && !source.extension().equals("docx");
    if (textFormat && TextDecoder.looksBinary(bytes)) {
      throw new DocumentException(DocumentException.Reason.BINARY, source.relativePath(),
          "skipped, looks like a binary file, not ." + source.extension() + " text");
    }
    DocumentExtractor.Extraction extraction;
    try {
      extraction = extractor.extract(bytes);
    } catch (IOException | RuntimeException e) {
      throw new DocumentException(DocumentException.Reason.UNREADABLE, source.relativePath(),
          "skipped, not a readable ." + source.extension() + " file (" + e.getMessage() + ")");
    }
    if (extraction.blocks().isEmpty()) {
      throw new DocumentException(DocumentException.Reason.EMPTY, source.relativePath(), "skipped, no text found");
    }
    return new ExtractedDocument(source.relativePath(), titleOf(source, extraction), extraction.blocks());
  }

  private static String titleOf(SourceFile source, DocumentExtractor.Extraction extraction) {
    if (extraction.declaredTitle() != null) {
      return extraction.declaredTitle();
    }
    for (Block block : extraction.blocks()) {
      if (block.isHeading()) {
        return block.text();
      }
    }
    Block first = extraction.blocks().get(0);
    if (first.text().length() <= 80) {
      return first.text();
    }
    String name = source.file().getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  private static boolean isHidden(Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
