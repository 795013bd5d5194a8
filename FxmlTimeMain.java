public class FxmlTimeMain { public static void main(String[] a) { javafx.application.Application.launch(FxmlTime.class, a); } }
