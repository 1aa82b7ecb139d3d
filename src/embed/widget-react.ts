/**
 * React and react-dom, evaluated with the entry: the first of the widget's two evaluation tasks (the widget
 * file, with the other libraries, is the second).
 */
import 'react';
import 'react-dom/client';
