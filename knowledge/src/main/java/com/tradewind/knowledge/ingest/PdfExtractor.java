package com.tradewind.knowledge.ingest;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads the text layer of a PDF with Apache PDFBox, line by line like plain text. */
public final class PdfExtractor implements DocumentExtractor {

  @Override
  public Extraction extract(byte[] bytes) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      String text = stripper.getText(pdf);
      String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
      return new Extraction(title == null || title.isBlank() ? null : title.strip(), PlainTextExtractor.lines(text));
    }
  }
}
